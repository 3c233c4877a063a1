package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * On the real engine, a failed {@code retry} attempt's network and container (fixed names) are
 * removed before the next attempt creates them again; the run's real error is reported.
 */
class RetryScopeIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void fixedNamesWorkAgainInTheNextAttempt(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        var n = 0
        pipeline("it-retry") {
            stage("s") {
                retry(3) {
                    n += 1
                    val net = network("it-retry-net")
                    val c = start(image = "%s", name = "it-retry-web", network = net,
                                  command = listOf("sleep", "600"), init = true)
                    if (n < 3) error("attempt $n is unlucky")
                    echo("attempt $n ran " + c.name)
                }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("attempt 1 of 3 failed: Error: attempt 1 is unlucky; retrying now")
        .contains("attempt 3 ran it-retry-web").doesNotContain("already");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void theLastAttemptsRealErrorIsReported(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("it-retry-fail") {
            stage("s") {
                retry(2) {
                    network("it-retry-net")
                    start(image = "%s", name = "it-retry-web", command = listOf("sleep", "600"),
                          init = true)
                    sh("exit 3")
                }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.result.error()).contains("exit").doesNotContain("already exists");
    assertThat(run.log()).contains("attempt 1 of 2 failed: StepFailed");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }
}
