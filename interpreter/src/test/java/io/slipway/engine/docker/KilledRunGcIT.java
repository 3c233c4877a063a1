package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.GarbageCollector;
import io.slipway.engine.RunLabels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A process that created labelled resources is killed with SIGKILL; gc removes what it left. */
class KilledRunGcIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

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
    assertThat(ENGINE.get().listContainers(sel)).hasSize(1);
    // while the run lives, gc leaves it alone
    new GarbageCollector(ENGINE.get()).collect(false);
    assertThat(ENGINE.get().listContainers(sel)).hasSize(1);
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    GarbageCollector.Report report = new GarbageCollector(ENGINE.get()).collect(false);
    assertThat(report.failed()).isEmpty();
    assertThat(ENGINE.get().listContainers(sel)).isEmpty();
    assertThat(ENGINE.get().listNetworks(sel)).isEmpty();
    assertThat(ENGINE.get().listVolumes(sel)).isEmpty();
  }
}
