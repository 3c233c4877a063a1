package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.slipway.value.JsonValue;
import io.slipway.value.Pair;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTest {
  private final TestContext cx = new TestContext();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // echoes method, content type, auth header and body as JSON
    server.createContext("/echo", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String json = "{\"method\":\"" + ex.getRequestMethod() + "\",\"type\":\"" + ex.getRequestHeaders().getFirst("Content-Type")
          + "\",\"auth\":\"" + ex.getRequestHeaders().getFirst("Authorization") + "\",\"body\":" + (body.isEmpty() ? "null" : "\"" + body.replace("\"", "\\\"") + "\"") + "}";
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("X-Reply", "yes");
      ex.sendResponseHeaders(201, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Object http(String method, Object... args) {
    return cx.method("Http", method, cx.call0("http"), args);
  }

  @Test
  void getReturnsStatusBodyHeadersAndJson() {
    Object resp = http("get", base + "/echo", Map.of("Authorization", new SecretValue("TOKEN", "Bearer s3cr3t")));
    assertThat(cx.prop("HttpResponse", "status", resp)).isEqualTo(201L);
    assertThat(cx.prop("HttpResponse", "ok", resp)).isEqualTo(true);
    assertThat(((Map<?, ?>) cx.prop("HttpResponse", "headers", resp)).get("x-reply")).isEqualTo("yes");
    assertThat(cx.method("HttpResponse", "header", resp, "X-Reply")).isEqualTo("yes");
    assertThat(cx.method("HttpResponse", "header", resp, "X-None")).isNull();
    var json = (JsonValue) cx.method("HttpResponse", "json", resp);
    assertThat(json.get("method").asString()).isEqualTo("GET");
    assertThat(json.get("auth").asString()).isEqualTo("Bearer s3cr3t");
    assertThat(json.get("body").isNull()).isTrue();
  }

  @Test
  void putSendsJsonAndPostSendsText() {
    Object put = http("put", base + "/echo", cx.call("mapOf", new Pair("a", 1L)));
    var json = (JsonValue) cx.method("HttpResponse", "json", put);
    assertThat(json.get("method").asString()).isEqualTo("PUT");
    assertThat(json.get("type").asString()).isEqualTo("application/json");
    assertThat(json.get("body").asString()).isEqualTo("{\"a\":1}");
    Object post = http("post", base + "/echo", null, "plain");
    json = (JsonValue) cx.method("HttpResponse", "json", post);
    assertThat(json.get("type").asString()).isEqualTo("text/plain; charset=utf-8");
    assertThat(json.get("body").asString()).isEqualTo("plain");
    assertThat(((JsonValue) cx.method("HttpResponse", "json", http("delete", base + "/echo"))).get("method").asString())
        .isEqualTo("DELETE");
  }

  @Test
  void failuresAreSlipwayErrors() throws Exception {
    assertThatThrownBy(() -> http("get", base + "/slow", Map.of(), Duration.ofMillis(200)))
        .isInstanceOf(SlipException.class)
        .satisfies(e -> assertThat(((SlipException) e).error().type()).isEqualTo("Timeout"))
        .hasMessage("http GET " + base + "/slow: no response within 200ms");
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> http("get", "http://127.0.0.1:" + port + "/"))
        .hasMessage("http GET http://127.0.0.1:" + port + "/: connection refused");
    assertThatThrownBy(() -> http("get", "ftp://x/")).hasMessage("http GET ftp://x/: not an http(s) URL");
    Object head = http("head", base + "/echo");
    assertThatThrownBy(() -> cx.method("HttpResponse", "json", head))
        .hasMessageStartingWith("http HEAD " + base + "/echo: the response is not JSON: ");
    assertThatThrownBy(() -> http("post", base + "/echo", "a", "b")).hasMessage("http.post: pass either `json` or `body`, not both");
  }
}
