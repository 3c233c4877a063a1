package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping, starting, restarting, renaming and keeping containers, against the real engine. */
class ContainerLifecycleIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void aStopThatWaitsForSigkillSaysWhy(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("stop") {
            stage("s") {
                val stubborn = start(image = "%1$s", name = "stubborn", command = listOf("sleep", "600"))
                stubborn.stop(timeout = 2.seconds)
                val polite = start(image = "%1$s", name = "polite", command = listOf("sleep", "600"), init = true)
                polite.stop(timeout = 2.seconds)
                echo("stopped: ${stubborn.running} ${polite.running}")
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("stopped: false false", "container `stubborn` ignored SIGTERM: it was"
        + " killed after waiting the whole stop timeout of 2s").doesNotContain("`polite` ignored");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }
}
