package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against a real socket that accepts connections and never answers (an engine that
 * hangs): the run ends with one line and exit code 3 within the ping timeout, and a SIGTERM
 * while it waits ends it at once.
 */
class UnresponsiveEngineIT {
  @TempDir
  Path dir;

  private ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void silentEngine() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      try {
        while (true) {
          accepted.add(server.accept());
        }
      } catch (IOException closed) {
        // test over
      }
    });
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("hung-engine") {
            agent(image = "slipway-test/busybox:latest")
            stage("in-container") { sh("true") }
        }
        """);
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  private Map<String, String> env() {
    return Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort());
  }

  @Test
  void anEngineThatNeverAnswersIsOneLineAndExitThreeWithinThirtySeconds() throws Exception {
    long start = System.nanoTime();
    var r = JarProcess.run(dir, env(), "run");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").contains("cannot reach the"
        + " Docker engine at tcp://127.0.0.1:" + server.getLocalPort()
        + ": it accepted the connection but did not answer within 10s");
    assertThat(took).isLessThan(Duration.ofSeconds(30));
    var gc = JarProcess.run(dir, env(), "gc");
    assertThat(gc.code()).isEqualTo(3);
    assertThat(gc.err().strip()).contains("did not answer within 10s").doesNotContain("\n");
  }

  @Test
  void theFirstSigtermEndsARunWaitingForTheEngine() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = JarProcess.builder(dir, env(), "run").redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    // wait until the run is waiting for the engine's answer
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (accepted.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(accepted).as("the run connected").isNotEmpty();
    Thread.sleep(300);
    long start = System.nanoTime();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(p.exitValue()).isEqualTo(143);
    assertThat(Files.readString(err)).contains("terminated").doesNotContain("\tat ");
  }
}
