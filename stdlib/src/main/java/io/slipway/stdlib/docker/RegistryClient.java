package io.slipway.stdlib.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.engine.RegistryAuth;
import io.slipway.value.SlipException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Docker Registry HTTP API v2 client (java.net.http): lists tags, with basic auth or the
 * bearer-token flow ({@code WWW-Authenticate: Bearer realm=..., service=..., scope=...}).
 * Loopback registries are spoken to over plain HTTP (as the engine does), others over HTTPS.
 */
final class RegistryClient {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final RegistryAuth auth;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  RegistryClient(String host, RegistryAuth auth) {
    this.host = host;
    this.auth = auth;
  }

  String base() {
    String h = host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("[::1]")
        ? "http://" : "https://";
    return h + host;
  }

  /** {@code GET /v2/<repo>/tags/list}; an unknown repository has no tags. */
  List<String> tags(String repo) {
    HttpResponse<String> r = get("/v2/" + repo + "/tags/list");
    if (r.statusCode() == 404) {
      return List.of();
    }
    check(r, "list tags of " + repo);
    List<String> out = new ArrayList<>();
    try {
      JsonNode tags = JSON.readTree(r.body()).get("tags");
      if (tags != null && tags.isArray()) {
        tags.forEach(t -> out.add(t.asText()));
      }
    } catch (IOException e) {
      throw SlipException.engine("registry " + host + " answered with invalid JSON: " + e.getMessage());
    }
    return out;
  }

  private void check(HttpResponse<String> r, String what) {
    if (r.statusCode() == 401) {
      throw SlipException.engine("registry " + host + " refused to " + what + ": unauthorized"
          + (auth == null ? " (no credentials given)" : " (credentials of `" + auth.username() + "` rejected)"));
    }
    if (r.statusCode() >= 400) {
      throw SlipException.engine("registry " + host + " failed to " + what + ": HTTP " + r.statusCode());
    }
  }

  private HttpResponse<String> get(String path) {
    URI uri = URI.create(base() + path);
    HttpResponse<String> r = send(request(uri, basic()));
    if (r.statusCode() == 401) {
      String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
      if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
        r = send(request(uri, "Bearer " + token(challenge)));
      }
    }
    return r;
  }

  private String basic() {
    if (auth == null) {
      return null;
    }
    String raw = auth.username() + ":" + auth.password();
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The token flow: GET realm?service=..&scope=.. with basic credentials, read token. */
  private String token(String challenge) {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    String realm = params.remove("realm");
    if (realm == null) {
      throw SlipException.engine("registry " + host + " sent a bearer challenge without a realm");
    }
    var q = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    params.forEach((k, v) -> q.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    HttpResponse<String> r = send(request(URI.create(q.substring(0, q.length() - 1)), basic()));
    check(r, "issue a token");
    try {
      JsonNode body = JSON.readTree(r.body());
      JsonNode t = body.has("token") ? body.get("token") : body.get("access_token");
      if (t == null) {
        throw SlipException.engine("registry " + host + " token response has no token");
      }
      return t.asText();
    } catch (IOException e) {
      throw SlipException.engine("registry " + host + " token response is not JSON");
    }
  }

  private static HttpRequest request(URI uri, String authorization) {
    var b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
        .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw SlipException.engine("registry " + host + " is unreachable (" + req.method() + " "
          + req.uri() + "): " + io.slipway.stdlib.core.HttpErrors.reason(e, req.uri().getHost()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlipException("Error", "interrupted while talking to registry " + host);
    }
  }
}
