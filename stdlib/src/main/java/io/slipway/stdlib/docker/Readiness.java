package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;
import java.time.Duration;

/**
 * A readiness condition ({@code healthy()}, {@code tcp(port)}, {@code http(port, path)},
 * {@code log(regex)}): used as {@code waitFor} of {@code start}, and—except {@code healthy} and
 * {@code log}—as a Docker {@code healthcheck}.
 */
sealed interface Readiness extends SlipObject {
  Duration timeout();

  @Override
  default String typeName() {
    return "Readiness";
  }

  /** Docker reports the container's healthcheck as healthy. */
  record Healthy(Duration timeout) implements Readiness {
    @Override
    public String toString() {
      return "healthy(timeout=" + io.slipway.value.Values.showDuration(timeout) + ")";
    }
  }

  /** A TCP connection to the port succeeds. */
  record Tcp(int port, Duration timeout) implements Readiness {
    @Override
    public String toString() {
      return "tcp(" + port + ")";
    }
  }

  /** An HTTP GET answers with a status below 400. */
  record Http(int port, String path, Duration timeout) implements Readiness {
    @Override
    public String toString() {
      return "http(" + port + ", " + path + ")";
    }
  }

  /** A line of the container's output matches the regex. */
  record Log(String regex, Duration timeout) implements Readiness {
    @Override
    public String toString() {
      return "log(" + regex + ")";
    }
  }
}
