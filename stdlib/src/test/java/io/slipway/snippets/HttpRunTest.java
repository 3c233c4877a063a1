package io.slipway.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http.*} end to end (checker, interpreter, client) against a JSON service on
 * 127.0.0.1: named {@code json}/{@code headers} arguments, a {@code Secret} header value that
 * reaches the server but never the output, and {@code .json()} paths. The URL varies per run, so
 * the expected transcript is inline rather than a golden file.
 */
class HttpRunTest {
  @TempDir
  Path dir;
  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/books", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization") + " " + body);
      String reply = switch (ex.getRequestMethod()) {
        case "GET" -> "{\"books\": [{\"title\": \"Dune\", \"year\": 1965}, {\"title\": \"Emma\", \"year\": \"1815\"}]}";
        case "PUT" -> body;
        default -> "";
      };
      byte[] out = reply.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(ex.getRequestMethod().equals("DELETE") ? 404 : 200, out.length == 0 ? -1 : out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void getPutDeleteWithJsonAndSecretHeaders() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/books";
    String slipfile = """
        param url = "%s"
        val token = secret("API_TOKEN")

        pipeline("http") {
            stage("api") {
                val list = http.get(params.url, headers = mapOf("Authorization" to token))
                echo("${list.status} ${list.ok}")
                val books = list.json()["books"]
                echo(books.asList().map { it["title"].asString() })
                echo(books[0]["year"].asInt())
                val put = http.put(params.url, json = mapOf("title" to "Ubik", "tags" to listOf("sf")))
                echo(put.json()["tags"][0].asString())
                echo(http.delete(params.url).status)
                try {
                    books[1]["year"].asInt()
                } catch (e: Error) {
                    echo(e.message)
                }
            }
        }
        """.formatted(url);
    SnippetRun run = SnippetRun.run(dir, "Slipfile", slipfile);
    String out = run.render(dir);
    assertThat(run.failed()).as(out).isFalse();
    assertThat(out).contains("""
        [api] 200 true
        [api] [Dune, Emma]
        [api] 1965
        [api] sf
        [api] 404
        [api] $.books[1].year: expected a number, found string
        """).doesNotContain("tok-3f9a1c77");
    assertThat(received).containsExactly(
        "GET tok-3f9a1c77 ",
        "PUT null {\"title\":\"Ubik\",\"tags\":[\"sf\"]}",
        "DELETE null ");
  }
}
