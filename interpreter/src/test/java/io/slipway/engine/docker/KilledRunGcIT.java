package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.RunLabels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A process that created labelled resources is killed with SIGKILL; gc removes what it left. */
class KilledRunGcIT {
  private static ContainerEngine engine;

  @BeforeAll
  static void connect() {
    engine = TestEngines.realOrSkip();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void gcRemovesWhatAKilledRunLeft() throws Exception {
    String runId = "killed-" + UUID.randomUUID();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        OrphanMaker.class.getName(), runId).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("ready");
    }
    Map<String, String> sel = Map.of(RunLabels.RUN, runId);
    assertThat(engine.listContainers(sel)).hasSize(1);
    // while the run lives, gc leaves it alone
    new GarbageCollector(engine).collect(false);
    assertThat(engine.listContainers(sel)).hasSize(1);
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    GarbageCollector.Report report = new GarbageCollector(engine).collect(false);
    assertThat(report.failed()).isEmpty();
    assertThat(engine.listContainers(sel)).isEmpty();
    assertThat(engine.listNetworks(sel)).isEmpty();
    assertThat(engine.listVolumes(sel)).isEmpty();
  }
}
