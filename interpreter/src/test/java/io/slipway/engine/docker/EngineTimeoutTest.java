package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.slipway.engine.EngineException;
import io.slipway.engine.EngineUnavailable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines that accept connections but never answer, on real sockets (TCP and Unix): connecting
 * fails within the ping timeout, a request within the call timeout, an interrupted caller
 * returns at once, and once the engine stopped answering later requests fail without waiting.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EngineTimeoutTest {
  /** For engines that never answer: fail fast. */
  private static final EngineTimeouts SHORT =
      new EngineTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2));
  /** For engines whose pings must pass, also on a loaded machine with a cold JVM. */
  private static final EngineTimeouts PINGABLE =
      new EngineTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A TCP server that accepts every connection and never writes a byte. */
  private int silentTcpServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    open.add(server);
    Thread.ofVirtual().start(() -> {
      try {
        while (true) {
          Socket s = server.accept();
          open.add(s);
        }
      } catch (IOException closed) {
        // test over
      }
    });
    return server.getLocalPort();
  }

  @Test
  void aTcpEngineThatNeverAnswersIsUnavailableWithinThePingTimeout() throws Exception {
    int port = silentTcpServer();
    long start = System.nanoTime();
    assertThatThrownBy(() -> DockerJavaEngine.connect("tcp://127.0.0.1:" + port, null, SHORT))
        .isInstanceOf(EngineUnavailable.class)
        .hasMessage("cannot reach the Docker engine at tcp://127.0.0.1:" + port
            + ": it accepted the connection but did not answer within 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aUnixSocketEngineThatNeverAnswersIsUnavailableToo(@TempDir Path dir) throws Exception {
    Path sock = dir.resolve("docker.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(sock));
    open.add(server);
    Thread.ofVirtual().start(() -> {
      try {
        while (true) {
          SocketChannel c = server.accept();
          open.add(c);
        }
      } catch (IOException closed) {
        // test over
      }
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> DockerJavaEngine.connect("unix://" + sock, null, SHORT))
        .isInstanceOf(EngineUnavailable.class)
        .hasMessageContaining("did not answer within 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /**
   * An HTTP server that answers {@code /_ping} (while {@code pings} allows) and holds every
   * other request open without answering.
   */
  private int stallingEngine(AtomicBoolean pings) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    CountDownLatch never = new CountDownLatch(1);
    server.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().endsWith("/_ping") && pings.get()) {
        byte[] ok = "OK".getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
        return;
      }
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
    server.start();
    open.add(() -> {
      never.countDown();
      server.stop(0);
    });
    return server.getAddress().getPort();
  }

  @Test
  void aRequestTheEngineNeverAnswersFailsWithinTheCallTimeout() throws Exception {
    int port = stallingEngine(new AtomicBoolean(true));
    try (var engine = DockerJavaEngine.connect("tcp://127.0.0.1:" + port, null, PINGABLE)) {
      long start = System.nanoTime();
      // the engine still answers pings: a slow operation, not an unavailable engine
      assertThatThrownBy(() -> engine.inspectContainer("web"))
          .isInstanceOf(EngineException.class).isNotInstanceOf(EngineUnavailable.class)
          .hasMessage("inspect container web: the engine did not finish it within 2s"
              + " (SLIPWAY_ENGINE_TIMEOUT sets this limit in seconds)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void anEngineThatStoppedAnsweringFailsLaterRequestsAtOnce() throws Exception {
    var pings = new AtomicBoolean(true);
    int port = stallingEngine(pings);
    try (var engine = DockerJavaEngine.connect("tcp://127.0.0.1:" + port, null, PINGABLE)) {
      pings.set(false);
      assertThatThrownBy(() -> engine.listContainers(java.util.Map.of()))
          .isInstanceOf(EngineUnavailable.class)
          .hasMessageContaining("it stopped answering (`list containers` got no reply within 2s)");
      long start = System.nanoTime();
      assertThatThrownBy(() -> engine.removeContainer("web", true)).isInstanceOf(EngineUnavailable.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
  }

  @Test
  void anInterruptedCallerReturnsAtOnceEvenWithoutDeadline() throws Exception {
    int port = stallingEngine(new AtomicBoolean(true));
    try (var engine = DockerJavaEngine.connect("tcp://127.0.0.1:" + port, null,
        new EngineTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(10)))) {
      var failure = new AtomicReference<Throwable>();
      var stillInterrupted = new AtomicBoolean();
      Thread caller = Thread.ofPlatform().start(() -> {
        try {
          engine.removeImage("app:1", false);
        } catch (RuntimeException e) {
          failure.set(e);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      Thread.sleep(300);
      long start = System.nanoTime();
      caller.interrupt();
      caller.join(5_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      assertThat(failure.get()).isInstanceOf(EngineException.class).hasMessage("remove image app:1: interrupted");
      assertThat(stillInterrupted).isTrue();
    }
  }

  @Test
  void theTimeoutComesFromTheEnvironment() {
    assertThat(EngineTimeouts.from(java.util.Map.of())).isEqualTo(EngineTimeouts.DEFAULT);
    assertThat(EngineTimeouts.from(java.util.Map.of("SLIPWAY_ENGINE_TIMEOUT", "5")))
        .isEqualTo(new EngineTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    assertThat(EngineTimeouts.from(java.util.Map.of("SLIPWAY_ENGINE_TIMEOUT", "120")).call())
        .isEqualTo(Duration.ofSeconds(120));
    assertThatThrownBy(() -> EngineTimeouts.from(java.util.Map.of("SLIPWAY_ENGINE_TIMEOUT", "soon")))
        .hasMessageContaining("whole number of seconds");
  }
}
