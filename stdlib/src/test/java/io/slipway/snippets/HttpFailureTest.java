package io.slipway.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP client failures are Slipway errors with the URL and a plain reason, never the Java
 * client's own text; {@code waitUntil} treats an error in its condition as "not yet" and names
 * the last one when its deadline passes.
 */
class HttpFailureTest {
  @TempDir Path dir;
  private final List<ServerSocket> servers = new CopyOnWriteArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (ServerSocket s : servers) {
      s.close();
    }
  }

  /** A port on 127.0.0.1 whose server treats each connection with {@code handler}. */
  private int server(Handler handler) throws IOException {
    ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    servers.add(ss);
    Thread.ofPlatform().daemon().start(() -> {
      while (!ss.isClosed()) {
        try (Socket s = ss.accept()) {
          handler.handle(s);
        } catch (IOException e) {
          // closed (the loop ends), or this connection failed (the next one)
        }
      }
    });
    return ss.getLocalPort();
  }

  @FunctionalInterface
  interface Handler {
    void handle(Socket s) throws IOException;
  }

  /** Reads a request's head (up to the blank line), so that closing sends no reset. */
  private static void readRequest(Socket s) throws IOException {
    var in = s.getInputStream();
    int state = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      state = (b == '\r' || b == '\n') ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }

  /** A port nothing listens on (bound, then closed). */
  private static int closedPort() throws IOException {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return ss.getLocalPort();
    }
  }

  private RunResult run(String body) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), "pipeline(\"h\") {\n stage(\"s\") {\n" + body
        + "\n }\n}\n");
    var slipway = new Slipway(Stdlib.registry());
    var checked = slipway.check(dir.resolve("Slipfile"));
    assertThat(checked.diagnostics()).isEmpty();
    return slipway.run(checked, RunOptions.defaults().withEvents(events::add)
        .withEnvironment(Map.of()));
  }

  private String caught(String url) throws Exception {
    RunResult r = run("try { http.get(\"" + url + "\") } catch (e: Error) { echo(\"caught \" + e.message) }");
    assertThat(r.exitCode()).as(r.error()).isZero();
    return events.stream().filter(e -> e instanceof Event.Log l && l.line().startsWith("caught "))
        .map(e -> ((Event.Log) e).line()).findFirst().orElseThrow();
  }

  @Test
  void aRefusedConnectionSaysSo() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/health";
    assertThat(caught(url)).isEqualTo("caught http GET " + url + ": connection refused");
  }

  @Test
  void aServerThatClosesWithoutAnsweringSaysSo() throws Exception {
    int port = server(HttpFailureTest::readRequest); // reads the request, closes, no answer
    String url = "http://127.0.0.1:" + port + "/";
    assertThat(caught(url)).isEqualTo("caught http GET " + url
        + ": the server closed the connection without answering");
  }

  @Test
  void anAnswerThatIsNotHttpSaysSo() throws Exception {
    int port = server(s -> {
      readRequest(s);
      s.getOutputStream().write("hello there\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    });
    String url = "http://127.0.0.1:" + port + "/";
    assertThat(caught(url)).startsWith("caught http GET " + url + ": the answer is not HTTP")
        .doesNotContain("java.");
  }

  @Test
  void tlsToAPlainServerSaysSo() throws Exception {
    int port = server(s -> {
      s.getOutputStream().write("hello there\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    });
    String url = "https://127.0.0.1:" + port + "/";
    assertThat(caught(url)).isEqualTo("caught http GET " + url
        + ": TLS handshake failed (is it an https server?)");
  }

  @Test
  void waitUntilPollsThroughErrorsAndNamesTheLastOne() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/health";
    RunResult r = run("waitUntil(timeout = 300.ms, every = 50.ms) { http.get(\"" + url
        + "\").status == 200 }");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.error()).contains("Timeout: condition still failing after 300ms; last error: "
        + "Error: http GET " + url + ": connection refused");
  }

  @Test
  void waitUntilSucceedsOnceTheConditionStopsFailing() throws Exception {
    RunResult r = run("""
        var n = 0
        waitUntil(timeout = 60.seconds, every = 10.ms) {
            n += 1
            if (n < 3) error("not up yet")
            true
        }
        echo("up after $n tries")
        """);
    assertThat(r.exitCode()).as(r.error()).isZero();
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.Log.class,
        l -> assertThat(l.line()).isEqualTo("up after 3 tries")));
  }
}
