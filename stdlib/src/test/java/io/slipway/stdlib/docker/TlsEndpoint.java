package io.slipway.stdlib.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real mutual-TLS Docker endpoint for tests: {@code scripts/tls-endpoint.sh} generates a CA, a
 * server certificate for 127.0.0.1 and a client certificate with openssl, and serves the local
 * engine's socket through {@code socat OPENSSL-LISTEN:...,verify=1}. Closing stops socat.
 */
final class TlsEndpoint implements AutoCloseable {
  final Path certs;
  final int port;
  private final Process socat;

  private TlsEndpoint(Path certs, int port, Process socat) {
    this.certs = certs;
    this.port = port;
    this.socat = socat;
  }

  /** The repository's {@code scripts/} directory. */
  static Path scripts() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("scripts/tls-endpoint.sh"))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException("scripts/tls-endpoint.sh not found above " + Path.of("").toAbsolutePath());
    }
    return root.resolve("scripts");
  }

  /** Generates certificates into {@code dir} (ca.pem, cert.pem, key.pem, server*.pem). */
  static void certs(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(scripts().resolve("tls-endpoint.sh").toString(), "certs", dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("tls-endpoint.sh certs failed: " + out);
    }
  }

  /** Starts an endpoint with certificates in {@code dir}, waiting (bounded) until it accepts. */
  static TlsEndpoint start(Path dir) throws IOException, InterruptedException {
    certs(dir);
    int port;
    try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    var pb = new ProcessBuilder(scripts().resolve("tls-endpoint.sh").toString(), "serve", dir.toString(),
        String.valueOf(port)).redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile());
    pb.environment().put("TLS_ENDPOINT_DEBUG", "1");
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("socat exited: " + Files.readString(dir.resolve("socat.log")));
      }
      try (var s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return new TlsEndpoint(dir, port, p);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the TLS endpoint did not accept connections within 30 s");
  }

  String host() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    socat.descendants().forEach(ProcessHandle::destroy);
    socat.destroy();
    try {
      socat.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
