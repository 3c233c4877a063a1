package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network simulation examples (Blockade's walk-through, Comcast's shaping, a client's
 * resilience), end to end against the real engine on this kernel (no sch_netem: latency comes
 * from the NFQUEUE delayer). Each must succeed and leave nothing labelled behind.
 */
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetsimExamplesIT {
  @BeforeAll
  static void setUp() throws Exception {
    DockerCli.ensureBaseImage(ExampleFiles.repository());
  }

  @Test
  void blockadeWalkThrough(@TempDir Path tmp) throws Exception {
    var run = runExample("blockade", tmp);
    assertThat(run.output()).contains("blockade: started server, client1, client2", "NODE", "PARTITION",
        "healed: every container reaches every other");
  }

  @Test
  void comcastShapesOneContainer(@TempDir Path tmp) throws Exception {
    var run = runExample("comcast", tmp);
    assertThat(run.output()).contains("tbf rate 1000000bit", "--probability 0.100000", "before:", "after:", "restored:");
  }

  @Test
  void resilienceUnderLossLatencyAndPartition(@TempDir Path tmp) throws Exception {
    var run = runExample("resilience", tmp);
    assertThat(run.output()).contains("10 of 10 requests succeeded", "under a partition the client gave up",
        "PROXIED", "link api:8080 (latency 300ms, bandwidth 1mbit)", "over a silent link the request timed out");
  }

  private static ExampleRuns.Outcome runExample(String name, Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example(name), tmp.resolve(name));
    var run = ExampleRuns.run(dir.resolve("Slipfile"), Map.of());
    run.assertSucceeded();
    assertThat(DockerCli.leftovers(run.runId())).as("labelled resources left by %s", run.runId()).isEmpty();
    return run;
  }
}
