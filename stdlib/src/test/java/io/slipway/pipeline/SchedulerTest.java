package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import io.slipway.run.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling measured on real runs: concurrency, order, fail-fast, timeouts. */
class SchedulerTest {
  @TempDir Path dir;

  @Test
  void parallelStagesOverlapInTime() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            parallel {
                stage("a") { sleep(400.ms) }
                stage("b") { sleep(400.ms) }
                stage("c") { sleep(400.ms) }
            }
            stage("after") { echo("done") }
        }
        """);
    assertThat(out.result().exitCode()).isZero();
    var starts = List.of(out.started("a"), out.started("b"), out.started("c"));
    var ends = List.of(out.finished("a"), out.finished("b"), out.finished("c"));
    var lastStart = starts.stream().map(Event::time).max(Comparable::compareTo).orElseThrow();
    var firstEnd = ends.stream().map(Event::time).min(Comparable::compareTo).orElseThrow();
    assertThat(lastStart).as("every stage started before any finished").isBefore(firstEnd);
    var groupStart = starts.stream().map(Event::time).min(Comparable::compareTo).orElseThrow();
    var groupEnd = ends.stream().map(Event::time).max(Comparable::compareTo).orElseThrow();
    assertThat(Duration.between(groupStart, groupEnd)).as("three 400ms stages at once")
        .isLessThan(Duration.ofMillis(1100));
    assertThat(out.started("after").time()).isAfterOrEqualTo(groupEnd);
  }

  @Test
  void sequentialStagesDoNotOverlap() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("one") { sleep(100.ms) }
            stage("two") { sleep(100.ms) }
        }
        """);
    assertThat(out.started("two").time()).isAfterOrEqualTo(out.finished("one").time());
  }

  @Test
  void needsWaitsForTheNamedStagesOnly() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("slow") { sleep(300.ms) }
            stage("quick", needs = listOf("first")) { echo("quick") }
            stage("first") { echo("first") }
        }
        """);
    assertThat(out.result().exitCode()).as(out.result().error()).isZero();
    assertThat(out.started("quick").time()).isAfterOrEqualTo(out.finished("first").time());
  }

  @Test
  void failureCancelsStagesNotStartedAndFailFastFalseKeepsSiblings() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            parallel(failFast = false) {
                stage("bad") { error("x") }
                stage("good") { sleep(200.ms); echo("finished") }
            }
            stage("later") { echo("never") }
        }
        """);
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("bad").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("good").status()).isEqualTo(Status.SUCCESS);
    assertThat(out.finished("later").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("later")).isEmpty();
  }

  @Test
  void stageTimeoutKillsABlockingCommand() throws Exception {
    long t0 = System.nanoTime();
    var out = TestRuns.run(dir, """
        pipeline("p") {
            stage("slow") {
                options(timeout = 200.ms)
                sh("sleep 20")
            }
        }
        """);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(out.finished("slow").status()).isEqualTo(Status.FAILED);
    assertThat(out.finished("slow").error()).contains("Timeout: stage `slow` timed out after 200ms");
  }

  @Test
  void pipelineTimeoutStopsTheRun() throws Exception {
    var out = TestRuns.run(dir, """
        pipeline("p") {
            options(timeout = 300.ms)
            stage("slow") { sleep(20.seconds) }
            stage("never") { echo("never") }
        }
        """);
    assertThat(out.result().status()).isEqualTo(Status.FAILED);
    assertThat(out.result().error()).contains("pipeline `p` timed out after 300ms");
    assertThat(out.finished("never").status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void cancelStopsRunningStagesAndRunsCleanupOnce() throws Exception {
    var cleanups = new java.util.concurrent.atomic.AtomicInteger();
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("p") {
            stage("long") { sleep(30.seconds) }
            stage("never") { echo("never") }
        }
        """, o -> o.withOnStart(run -> {
          run.onCleanup("count", cleanups::incrementAndGet);
          Thread.ofVirtual().start(() -> {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              return;
            }
            run.cancel("SIGINT");
            run.cleanup();
          });
        }));
    assertThat(out.result().status()).isEqualTo(Status.CANCELLED);
    assertThat(out.result().exitCode()).isEqualTo(1);
    assertThat(out.finished("long").status()).isEqualTo(Status.CANCELLED);
    assertThat(out.finished("never").status()).isEqualTo(Status.CANCELLED);
    assertThat(cleanups.get()).isEqualTo(1);
  }

  @Test
  void theDebuggerSeesEveryStageStepAndStatementWithItsScope() throws Exception {
    var seen = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
    io.slipway.debug.Debugger debugger = p -> {
      switch (p.kind()) {
        case STAGE -> seen.add("stage " + p.stage() + " attempt " + p.attempt());
        case STEP -> seen.add("step " + p.step() + " " + p.description() + " line " + p.line()
            + " x=" + p.top().variables().get("x"));
        case STATEMENT -> {
          if (p.stage() != null) {
            seen.add("statement line " + p.line() + " depth " + p.depth());
          }
        }
        case STAGE_END -> seen.add("end " + p.stage());
      }
    };
    TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("p") {
            stage("one") {
                val x = 41 + 1
                echo(x)
                sh("true")
            }
        }
        """, o -> o.withDebugger(debugger));
    assertThat(seen).containsExactly("stage one attempt 1", "statement line 3 depth 1",
        "statement line 4 depth 1", "step 1 echo 42 line 4 x=42", "statement line 5 depth 1",
        "step 2 sh true line 5 x=42", "end one");
  }
}
