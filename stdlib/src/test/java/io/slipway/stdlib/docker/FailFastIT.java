package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import io.slipway.run.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real engine, {@code parallel} failFast cancels a running sibling: its command in the
 * agent is interrupted and the container it started is stopped and removed.
 */
class FailFastIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void aFailingBranchStopsItsRunningSibling(@TempDir Path dir) throws Exception {
    long t0 = System.nanoTime();
    var run = PipelineRun.run(dir, """
        pipeline("it-failfast") {
            agent(image = "%1$s")
            parallel {
                stage("bad") {
                    waitUntil(timeout = 120.seconds, every = 100.ms) { fileExists("web-started") }
                    error("the tests failed")
                }
                stage("web") {
                    start(image = "%1$s", name = "it-ff-web", command = listOf("sleep", "600"),
                          init = true)
                    writeFile("web-started", "1")
                    sh("sleep 300")
                    echo("web finished")
                }
            }
            post { always { echo("post ran") } }
        }
        """.formatted(PipelineRun.IMAGE));
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(seconds).as("the sibling's sleep 300 was interrupted").isLessThan(200);
    assertThat(run.events).filteredOn(e -> e instanceof Event.StageFinished f
        && f.stage().equals("web")).singleElement()
        .satisfies(e -> assertThat(((Event.StageFinished) e).status()).isEqualTo(Status.CANCELLED));
    assertThat(run.log()).doesNotContain("web finished").contains("post ran");
    int removed = -1;
    int post = -1;
    for (int i = 0; i < run.events.size(); i++) {
      if (run.events.get(i) instanceof Event.Resource r && "removed".equals(r.action())
          && r.name() != null && r.name().contains("it-ff-web")) {
        removed = i;
      }
      if (run.events.get(i) instanceof Event.StageStarted s && s.stage().equals("post")) {
        post = i;
      }
    }
    assertThat(removed).as("the sibling's container is removed when it is cancelled")
        .isNotNegative().isLessThan(post);
    assertThat(PipelineRun.leftovers(run.runId)).as(() -> run + "\n--- events\n"
        + String.join("\n", run.events.stream().map(String::valueOf).toList())).isEmpty();
  }
}
