package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.stdlib.Library;
import io.slipway.value.JsonValue;
import io.slipway.value.SlipException;
import io.slipway.value.SlipObject;
import java.time.Duration;

/**
 * The {@code http} global: a client over {@code java.net.http}. A non-2xx status is a response,
 * not an error (check {@code status} or {@code ok}); an unreachable host or a timeout is.
 */
public final class Http implements Library {
  private final HttpSender sender = new HttpSender();

  /** The value of the {@code http} global. */
  record Client() implements SlipObject {
    @Override
    public String typeName() {
      return "Http";
    }

    @Override
    public String label() {
      return null; // a service, not a value: calls read `http.get https://...`
    }

    @Override
    public String toString() {
      return "http";
    }
  }

  @Override
  public void declare(Declarations d) {
    d.category("HTTP");
    d.type("Http", "The type of the `http` global: `http.get(url)`, `http.post(url, json = ..)`.", Client.class, "Any");
    d.type("HttpResponse", "A response: `status`, `body`, `headers` (names in lower case), `json()`.", HttpResponseValue.class, "Any");
    var client = new Client();
    d.property(null, "http").type("Http").doc("The HTTP client: `http.get(url)`, `http.put(url, json = ..)`, `http.post`, `http.delete`.")
        .get((cx, r) -> client);
    withoutBody(d, "get", "Sends a GET request.");
    withBody(d, "post", "Sends a POST request with a JSON (`json`) or text (`body`) payload.");
    withBody(d, "put", "Sends a PUT request with a JSON (`json`) or text (`body`) payload.");
    withBody(d, "patch", "Sends a PATCH request with a JSON (`json`) or text (`body`) payload.");
    withoutBody(d, "delete", "Sends a DELETE request.");
    withoutBody(d, "head", "Sends a HEAD request; the body is empty.");

    d.property("HttpResponse", "status").type("Int").doc("The status code, e.g. 200.")
        .get((cx, r) -> resp(r).status());
    d.property("HttpResponse", "ok").type("Bool").doc("True for a 2xx status.")
        .get((cx, r) -> resp(r).status() / 100 == 2);
    d.property("HttpResponse", "body").type("String").doc("The body as text (UTF-8 unless the response names a charset).")
        .get((cx, r) -> resp(r).body());
    d.property("HttpResponse", "headers").type("Map<String, String>")
        .doc("The headers, names in lower case; repeated headers joined with `, `.")
        .get((cx, r) -> resp(r).headers());
    d.method("HttpResponse", "header").param("name", "String").returns("String?")
        .doc("The value of header `name` (any case), or null.")
        .impl((cx, r, a) -> resp(r).headers().get(((String) a[0]).toLowerCase(java.util.Locale.ROOT)));
    d.method("HttpResponse", "json").returns("Json").doc("The body parsed as JSON; invalid JSON is an error naming the request.")
        .impl((cx, r, a) -> {
          try {
            return JsonConvert.parse(resp(r).body());
          } catch (SlipException e) {
            throw SlipException.error("http " + resp(r).request() + ": the response is not JSON: " + e.getMessage());
          }
        });
  }

  private void withoutBody(Declarations d, String method, String doc) {
    d.method("Http", method).param("url", "String")
        .param("headers", "Map<String, String | Secret>", Colls.map(new java.util.LinkedHashMap<>()), "mapOf()")
        .param("timeout", "Duration", Duration.ofSeconds(30), "30.seconds")
        .returns("HttpResponse").effects(Effect.NETWORK)
        .doc(doc + " Header values may be secrets (`\"Authorization\" to token`).")
        .impl((cx, r, a) -> send(cx, method, a[0], null, null, a[1], a[2]));
  }

  private void withBody(Declarations d, String method, String doc) {
    d.method("Http", method).param("url", "String")
        .param("json", "Any?", null, "null")
        .param("body", "String?", null, "null")
        .param("headers", "Map<String, String | Secret>", Colls.map(new java.util.LinkedHashMap<>()), "mapOf()")
        .param("timeout", "Duration", Duration.ofSeconds(30), "30.seconds")
        .returns("HttpResponse").effects(Effect.NETWORK)
        .doc(doc + " `json` may be a `Json`, a map, a list or a plain value and sets `Content-Type: application/json`.")
        .impl((cx, r, a) -> send(cx, method, a[0], a[1], a[2], a[3], a[4]));
  }

  private Object send(CallContext cx, String method, Object url, Object json, Object body,
      Object headers, Object timeout) throws InterruptedException {
    String payload = null;
    String contentType = null;
    if (json != null && body != null) {
      throw SlipException.error("http." + method + ": pass either `json` or `body`, not both");
    }
    if (json != null) {
      payload = json instanceof JsonValue j && !j.isFunction() ? j.toString() : JsonConvert.stringify(json);
      contentType = "application/json";
    } else if (body != null) {
      payload = (String) body;
      contentType = "text/plain; charset=utf-8";
    }
    return sender.send(method.toUpperCase(java.util.Locale.ROOT), (String) url, payload, contentType,
        Colls.asMap(headers), (Duration) timeout);
  }

  private static HttpResponseValue resp(Object o) {
    return (HttpResponseValue) o;
  }
}
