package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Run;
import io.slipway.run.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which post blocks run: {@code always} after every run, also a cancelled one (SIGINT, SIGTERM,
 * a rejected gate); {@code aborted} only after a cancellation; {@code success}/{@code failure}
 * never after one. After a cancellation the post blocks run on a budget.
 */
class PostTest {
  private static final String POST = """
          post {
              always { echo("post always") }
              success { echo("post success") }
              failure { echo("post failure") }
              aborted { echo("post aborted") }
          }
      """;

  @TempDir Path dir;

  @AfterEach
  void restoreBudget() {
    Scheduler.postBudget = Scheduler.POST_BUDGET;
  }

  /** Cancels the run once the stage wrote {@code ready} (as a signal handler would). */
  private Consumer<Run> cancelWhenReady() {
    return run -> Thread.ofVirtual().start(() -> {
      try {
        while (!Files.exists(dir.resolve("ready"))) {
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        return;
      }
      run.cancel("interrupted by SIGINT");
    });
  }

  @Test
  void aCancelledRunRunsAlwaysAndAbortedButNotFailureOrSuccess() throws Exception {
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("p") {
            stage("long") { writeFile("ready", "1"); sleep(60.seconds) }
            stage("never") { echo("never") }
        """ + POST + "}\n", o -> o.withOnStart(cancelWhenReady()));
    assertThat(out.result().status()).isEqualTo(Status.CANCELLED);
    assertThat(out.finished("long").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("post")).containsExactly(
        "the run was cancelled; post blocks get 30s", "post always", "post aborted");
  }

  @Test
  void aFailedRunRunsAlwaysAndFailureOnly() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("bad") { error("x") }
        """ + POST + "}\n");
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.logs("post")).containsExactly("post always", "post failure");
  }

  @Test
  void aSuccessfulRunRunsAlwaysAndSuccessOnly() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("ok") { echo("fine") }
        """ + POST + "}\n");
    assertThat(out.result().status()).isEqualTo(Status.SUCCESS);
    assertThat(out.logs("post")).containsExactly("post always", "post success");
  }

  @Test
  void aRejectedGateAbortsTheRun() throws Exception {
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("p") {
            stage("deploy") {
                approve("Deploy?")
                echo("deployed")
            }
            stage("after") { echo("never") }
        """ + POST + "}\n", o -> o.withApprover((stage, message) -> false));
    assertThat(out.result().status()).isEqualTo(Status.CANCELLED);
    assertThat(out.result().error()).contains("not approved: \"Deploy?\"");
    assertThat(out.finished("deploy").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.finished("after").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("deploy")).contains("not approved: \"Deploy?\"; aborting the run")
        .doesNotContain("deployed");
    assertThat(out.logs("post")).contains("post always", "post aborted")
        .doesNotContain("post failure", "post success");
  }

  @Test
  void postBlocksAfterACancellationRunOnABudget() throws Exception {
    Scheduler.postBudget = Duration.ofMillis(300);
    long t0 = System.nanoTime();
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("p") {
            stage("long") { writeFile("ready", "1"); sleep(60.seconds) }
            post {
                always { echo("cleaning up"); sleep(60.seconds); echo("never printed") }
                aborted { echo("aborted ran") }
            }
        }
        """, o -> o.withOnStart(cancelWhenReady()));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("far less than a minute")
        .isLessThan(Duration.ofSeconds(40));
    assertThat(out.result().status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("post")).contains("cleaning up").doesNotContain("never printed");
    assertThat(out.finished("post").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("post").error()).contains(
        "Timeout: post `always` did not finish within the 300ms post blocks get after a cancellation");
  }

  @Test
  void afterThePipelineTimeoutPostBlocksStillRun() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            options(timeout = 300.ms)
            stage("slow") { sleep(60.seconds) }
            post { always { sleep(400.ms); echo("post ran past the pipeline timeout") } }
        }
        """);
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.logs("post")).contains("the pipeline timed out; post blocks get 30s",
        "post ran past the pipeline timeout");
  }
}
