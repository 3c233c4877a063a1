package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import io.slipway.run.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step behaviour that needs timing or a terminal: timeouts, retry, approve. */
class StepsTest {
  @TempDir Path dir;

  @Test
  void timeoutKillsACommandAndIsCatchable() throws Exception {
    long t0 = System.nanoTime();
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("s") {
                val r = try {
                    timeout(200.ms) { sh("sleep 30") }
                    "finished"
                } catch (e: Timeout) {
                    "timeout"
                }
                echo(r)
            }
        }
        """);
    assertThat(out.logs("s")).containsExactly("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void retryDoesNotSwallowAnEnclosingTimeout() throws Exception {
    long t0 = System.nanoTime();
    var out = TestRuns.run(dir, """
        var attempts = 0
        pipeline("p") {
            stage("s") {
                timeout(300.ms) {
                    retry(1000) {
                        attempts += 1
                        sleep(50.ms)
                        error("flaky")
                    }
                }
            }
        }
        """);
    assertThat(out.finished("s").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("s").error()).contains("Timeout: timed out after 300ms");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void approveAsksTheApproverWithTheStage() throws Exception {
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    String source = """
        pipeline("p") {
            stage("deploy") {
                approve("Ship it?")
                echo("shipped")
            }
        }
        """;
    var yes = TestRuns.run(TestRuns.REGISTRY, dir, source, o -> o.withApprover((stage, msg) -> {
      asked.add(stage + ": " + msg);
      return true;
    }));
    assertThat(asked).containsExactly("deploy: Ship it?");
    assertThat(yes.logs("deploy")).containsExactly("approved: Ship it?", "shipped");
    var no = TestRuns.run(TestRuns.REGISTRY, dir, source, o -> o.withApprover((s, m) -> false));
    assertThat(no.result().exitCode()).isEqualTo(1);
    assertThat(no.result().status()).as("a rejected gate aborts the run")
        .isEqualTo(Status.CANCELLED);
    assertThat(no.result().error()).contains("not approved: \"Ship it?\"");
    assertThat(no.logs("deploy")).containsExactly("not approved: \"Ship it?\"; aborting the run");
  }

  @Test
  void stepsAreReportedWithNumbersAndExitCodes() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("s") {
                echo("one")
                sh("exit 4", check = false)
            }
        }
        """);
    var started = out.all(Event.StepStarted.class);
    assertThat(started).extracting(Event.StepStarted::description)
        .containsExactly("echo one", "sh exit 4");
    assertThat(started).extracting(Event.StepStarted::step).containsExactly(1, 2);
    assertThat(started).extracting(Event.StepStarted::line).containsExactly(3, 4);
    assertThat(out.all(Event.StepFinished.class)).extracting(Event.StepFinished::exitCode)
        .containsExactly(null, 4);
  }
}
