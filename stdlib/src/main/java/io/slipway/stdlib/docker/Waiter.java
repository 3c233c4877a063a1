package io.slipway.stdlib.docker;

import io.slipway.engine.ContainerInfo;
import io.slipway.engine.LogLine;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Waits until a container is ready. Probes run from Slipway's side (TCP connect and HTTP GET to
 * the container's address, so the image needs no tools), every 250 ms. A container that exits
 * fails the wait at once; a timeout fails it with the container's state and last log lines.
 */
final class Waiter {
  private static final Duration EVERY = Duration.ofMillis(250);

  private Waiter() {}

  static void await(DockerSession s, ContainerValue c, Readiness r) {
    long deadline = System.nanoTime() + r.timeout().toNanos();
    Pattern regex = r instanceof Readiness.Log l ? Pattern.compile(l.regex()) : null;
    while (true) {
      ContainerInfo info = DockerSession.call("inspect container " + c.name(),
          () -> s.engine().inspectContainer(c.id()))
          .orElseThrow(() -> SlipException.engine("container `" + c.name() + "` vanished while waiting for " + r));
      if (!info.state().running()) {
        throw failure(s, c, r, info, "exited before it was ready");
      }
      if (ready(s, c, r, info, regex)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw failure(s, c, r, info, "was not ready within " + Values.showDuration(r.timeout()));
      }
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DockerSession.<RuntimeException>sneaky(e);
      }
    }
  }

  private static boolean ready(DockerSession s, ContainerValue c, Readiness r, ContainerInfo info,
      Pattern regex) {
    return switch (r) {
      case Readiness.Healthy h -> {
        if (info.state().health() == null) {
          throw SlipException.error("container `" + c.name()
              + "` has no healthcheck to wait for: start it with `healthcheck = tcp(port)` or `http(port, path)`");
        }
        yield "healthy".equals(info.state().health());
      }
      case Readiness.Tcp t -> tcp(address(info), t.port());
      case Readiness.Http h -> http(address(info), h.port(), h.path());
      case Readiness.Log l -> s.engine().logs(c.id(), -1).stream()
          .anyMatch(line -> regex.matcher(line.text()).find());
    };
  }

  /** The container's first network address; the loopback address if it has none. */
  private static String address(ContainerInfo info) {
    return info.networks().values().stream().filter(ip -> !ip.isEmpty()).findFirst().orElse("127.0.0.1");
  }

  private static boolean tcp(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean http(String host, int port, String path) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      var req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path)))
          .timeout(Duration.ofSeconds(2)).GET().build();
      return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() < 400;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** "container `db` exited before it was ready (tcp(27017)): exited with code 137 (OOMKilled)". */
  static SlipException failure(DockerSession s, ContainerValue c, Readiness r, ContainerInfo info,
      String what) {
    ContainerInfo now = s.engine().inspectContainer(c.id()).orElse(info);
    List<LogLine> lines;
    try {
      lines = s.engine().logs(c.id(), 10);
    } catch (RuntimeException e) {
      lines = List.of();
    }
    var sb = new StringBuilder("container `").append(c.name()).append("` ").append(what)
        .append(" (").append(r).append("): ").append(now.state().describe());
    if (!lines.isEmpty()) {
      sb.append("; last log lines:");
      for (LogLine l : lines) {
        sb.append("\n  | ").append(s.run().masker().mask(l.text()));
      }
    }
    String type = what.startsWith("was not ready") ? "Timeout" : "EngineError";
    return new SlipException(type, sb.toString());
  }
}
