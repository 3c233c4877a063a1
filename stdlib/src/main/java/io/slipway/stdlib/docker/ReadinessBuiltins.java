package io.slipway.stdlib.docker;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import java.time.Duration;

/** {@code healthy}, {@code tcp}, {@code http}, {@code log}: readiness conditions for {@code start}. */
public final class ReadinessBuiltins implements Library {
  private static final Duration DEFAULT = Duration.ofSeconds(60);

  @Override
  public void declare(Declarations d) {
    d.category("Docker: readiness");
    d.fn("healthy").param("timeout", "Duration", DEFAULT, "60.seconds").returns("Readiness")
        .doc("Ready once Docker reports the container's healthcheck healthy (give `start` a `healthcheck`).")
        .impl((cx, r, a) -> new Readiness.Healthy((Duration) a[0]));
    d.fn("tcp").param("port", "Int").param("timeout", "Duration", DEFAULT, "60.seconds").returns("Readiness")
        .doc("Ready once the container accepts TCP connections on `port`. As a `healthcheck`, runs `nc` inside the container.")
        .impl((cx, r, a) -> new Readiness.Tcp(Calls.toInt(a[0]), (Duration) a[1]));
    d.fn("http").param("port", "Int").param("path", "String", "/", "\"/\"")
        .param("timeout", "Duration", DEFAULT, "60.seconds").returns("Readiness")
        .doc("Ready once `GET http://<container>:port/path` answers with a status below 400. As a `healthcheck`, runs `wget` inside the container.")
        .impl((cx, r, a) -> new Readiness.Http(Calls.toInt(a[0]), (String) a[1], (Duration) a[2]));
    d.fn("log").param("regex", "String").param("timeout", "Duration", DEFAULT, "60.seconds").returns("Readiness")
        .doc("Ready once a line of the container's output matches `regex`.")
        .impl((cx, r, a) -> {
          try {
            java.util.regex.Pattern.compile((String) a[0]);
          } catch (java.util.regex.PatternSyntaxException e) {
            throw io.slipway.value.SlipException.error("invalid regex `" + a[0] + "`: " + e.getDescription());
          }
          return new Readiness.Log((String) a[0], (Duration) a[1]);
        });
  }
}
