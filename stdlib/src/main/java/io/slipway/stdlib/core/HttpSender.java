package io.slipway.stdlib.core;

import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Sends requests with one lazily created {@code HttpClient} (no client unless a pipeline uses http). */
final class HttpSender {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private HttpClient client;

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL).build();
    }
    return client;
  }

  HttpResponseValue send(String method, String url, String payload, String contentType,
      Map<Object, Object> headers, Duration timeout) throws InterruptedException {
    String what = "http " + method + " " + url;
    HttpRequest.Builder req;
    URI uri;
    try {
      uri = new URI(url);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw SlipException.error(what + ": not an http(s) URL");
      }
      req = HttpRequest.newBuilder(uri).timeout(timeout);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw SlipException.error(what + ": invalid URL: " + e.getMessage());
    }
    boolean hasContentType = false;
    for (var e : headers.entrySet()) {
      String name = (String) e.getKey();
      String value = e.getValue() instanceof SecretValue s ? s.reveal() : Values.show(e.getValue());
      hasContentType |= name.equalsIgnoreCase("content-type");
      try {
        req.header(name, value);
      } catch (IllegalArgumentException ex) {
        throw SlipException.error(what + ": invalid header `" + name + "`");
      }
    }
    if (contentType != null && !hasContentType) {
      req.header("Content-Type", contentType);
    }
    req.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> resp = client().send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new HttpResponseValue(method + " " + url, resp.statusCode(), resp.body(), headers(resp));
    } catch (HttpConnectTimeoutException e) {
      throw new SlipException("Timeout", what + ": no connection within " + Values.showDuration(CONNECT_TIMEOUT));
    } catch (HttpTimeoutException e) {
      throw new SlipException("Timeout", what + ": no response within " + Values.showDuration(timeout));
    } catch (IOException e) {
      throw SlipException.error(what + ": " + HttpErrors.reason(e, uri.getHost()));
    }
  }

  private static Map<Object, Object> headers(HttpResponse<String> resp) {
    // sorted for stable printing; names lower-cased as HTTP/2 sends them
    var sorted = new TreeMap<String, String>();
    resp.headers().map().forEach((k, v) -> sorted.merge(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v), (x, y) -> x + ", " + y));
    sorted.remove(":status");
    return Colls.map(new LinkedHashMap<>(sorted));
  }
}
