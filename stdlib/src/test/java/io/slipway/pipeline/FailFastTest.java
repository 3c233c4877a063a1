package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Status;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code failFast} does, in a {@code parallel} group and for the whole pipeline. */
class FailFastTest {
  @TempDir Path dir;

  @Test
  void failFastCancelsRunningSiblings() throws Exception {
    long t0 = System.nanoTime();
    var out = TestRuns.run(dir, """
        pipeline("p") {
            parallel {
                stage("bad") {
                    waitUntil(timeout = 60.seconds, every = 20.ms) { fileExists("slow-started") }
                    error("x")
                }
                stage("slow") {
                    writeFile("slow-started", "1")
                    sleep(60.seconds)
                    echo("slow finished")
                }
            }
            stage("later") { echo("never") }
        }
        """);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the sibling did not sleep a minute")
        .isLessThan(Duration.ofSeconds(45));
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.result().error()).contains("x");
    assertThat(out.finished("bad").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("slow").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.finished("later").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("slow")).doesNotContain("slow finished");
  }

  @Test
  void failFastFalseLetsSiblingsRunToTheEnd() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            parallel(failFast = false) {
                stage("bad") { writeFile("failing", "1"); error("x") }
                stage("good") {
                    waitUntil(timeout = 60.seconds, every = 20.ms) { fileExists("failing") }
                    sleep(200.ms)
                    echo("good finished")
                }
            }
        }
        """);
    assertThat(out.finished("bad").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("good").status()).isEqualTo(Status.SUCCESS);
    assertThat(out.logs("good")).contains("good finished");
  }

  @Test
  void pipelineFailFastFalseRunsWhatDoesNotDependOnTheFailure() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            options(failFast = false)
            stage("setup") { echo("setup") }
            stage("a", needs = listOf("setup")) { error("a broke") }
            stage("b", needs = listOf("setup")) { echo("b ran") }
            stage("c") { echo("c ran") }
            stage("d", needs = listOf("a")) { echo("d ran") }
            stage("e", needs = listOf("d")) { echo("e ran") }
        }
        """);
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("a").status()).isEqualTo(Status.FAILED);
    // b needs only setup: its place after a in the file is no dependency
    assertThat(out.finished("b").status()).isEqualTo(Status.SUCCESS);
    // c has no needs: it follows the stage declared before it (b), not a
    assertThat(out.finished("c").status()).isEqualTo(Status.SUCCESS);
    assertThat(out.finished("d").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.finished("e").status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void pipelineFailFastFalseIsTheDefaultOfItsParallelGroups() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            options(failFast = false)
            parallel {
                stage("bad") { writeFile("failing", "1"); error("x") }
                stage("good") {
                    waitUntil(timeout = 60.seconds, every = 20.ms) { fileExists("failing") }
                    sleep(200.ms)
                    echo("good finished")
                }
            }
            stage("after") { echo("never") }
        }
        """);
    assertThat(out.finished("good").status()).isEqualTo(Status.SUCCESS);
    assertThat(out.finished("after").status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void aStageWithFailFastFalseDoesNotCancelItsSiblings() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            parallel {
                stage("bad") { options(failFast = false); writeFile("failing", "1"); error("x") }
                stage("good") {
                    waitUntil(timeout = 60.seconds, every = 20.ms) { fileExists("failing") }
                    sleep(200.ms)
                    echo("good finished")
                }
            }
        }
        """);
    assertThat(out.finished("good").status()).isEqualTo(Status.SUCCESS);
  }
}
