package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/nerd-dinner-deploy} end to end: a real mutual-TLS endpoint in front of the
 * local engine ({@code scripts/tls-endpoint.sh}, certificates generated into the example's copy),
 * a single-node swarm (initialised here when the engine is in none, and left afterwards), the
 * three compose files merged into {@code docker-stack.yml}, deployed, checked, rolled to the next
 * version (only web and api updated) and undeployed.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NerdDinnerDeployIT {
  private static boolean swarmCreated;

  @BeforeAll
  static void setUp() throws Exception {
    DockerCli.ensureBaseImage(ExampleFiles.repository());
    if (!DockerCli.docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip().equals("active")) {
      DockerCli.docker("swarm", "init", "--advertise-addr", "127.0.0.1");
      swarmCreated = true;
    }
  }

  @AfterAll
  static void tearDown() {
    DockerCli.removeImages("nerd-dinner-web:", "nerd-dinner-api:");
    if (swarmCreated) {
      DockerCli.docker("swarm", "leave", "--force");
    }
  }

  @Test
  void mergesDeploysOverTlsRollsOutTheNextVersionAndUndeploys(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("nerd-dinner-deploy"), tmp.resolve("nd"));
    int port = freePort();
    Process socat = new ProcessBuilder(ExampleFiles.repository().resolve("scripts/tls-endpoint.sh").toString(),
        "serve", dir.resolve("certs").toString(), String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("socat.log").toFile()).start();
    try {
      awaitListening(port, socat);
      String stack = "nd" + Long.toHexString(System.nanoTime() & 0xffff);
      var run = ExampleRuns.run(dir.resolve("Slipfile"), Map.of("host", "tcp://127.0.0.1:" + port,
          "stack", stack, "webPort", String.valueOf(freePort())));
      run.assertSucceeded();
      assertThat(run.output()).contains("created [nerd-dinner-api, nerd-dinner-db, nerd-dinner-web]",
          "nerd-dinner-web: 2/2 running [nerd-dinner-web:1.0]",
          "updated [nerd-dinner-api, nerd-dinner-web], unchanged [nerd-dinner-db]",
          "nerd-dinner-web: 2/2 running [nerd-dinner-web:1.1]", "undeployed " + stack);
      // the merged, interpolated file the stack was deployed from
      String stackFile = java.nio.file.Files.readString(dir.resolve("docker-stack.yml"));
      assertThat(stackFile).contains("image: nerd-dinner-web:1.0", "replicas: 2", "order: start-first");
      assertThat(DockerCli.lines("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
      assertThat(DockerCli.lines("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
    } finally {
      socat.destroy();
      socat.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitListening(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the TLS endpoint exited with " + p.exitValue());
      }
      try (var s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the TLS endpoint did not listen within 30 s");
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
