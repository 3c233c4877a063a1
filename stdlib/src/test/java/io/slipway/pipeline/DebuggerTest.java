package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.check.CheckSession;
import io.slipway.check.FileModuleLoader;
import io.slipway.debug.DebugPoint;
import io.slipway.debug.Frame;
import io.slipway.debug.Pause;
import io.slipway.debug.StepController;
import io.slipway.debug.Stepping;
import io.slipway.diag.Diagnostics;
import io.slipway.run.Status;
import io.slipway.source.SourceFile;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Program;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debugger API on real runs (host steps only): breakpoints, stepping by frame depth, frames
 * with values and static types, evaluation at a breakpoint, paused deadlines, skip, on-failure.
 */
class DebuggerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @TempDir Path dir;
  private final StepController dbg = new StepController();
  private CompletableFuture<TestRuns.Outcome> running;

  @AfterEach
  void letGo() {
    dbg.releaseAll();
  }

  private void start(String source) {
    start(source, o -> o);
  }

  private void start(String source, UnaryOperator<RunOptions> options) {
    running = async(() -> {
      try {
        return TestRuns.run(TestRuns.REGISTRY, dir, source,
            o -> options.apply(o.withDebugger(dbg)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** On a thread of its own: the common pool may have a single thread on a small machine. */
  private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> body) {
    var f = new CompletableFuture<T>();
    Thread.ofPlatform().daemon().start(() -> {
      try {
        f.complete(body.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  private Pause pause() throws Exception {
    return dbg.awaitPause(WAIT).orElseThrow(() -> new AssertionError(
        "no pause; run: " + (running.isDone() ? running.join().result() : "still running")));
  }

  private TestRuns.Outcome finish() throws Exception {
    return running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static Program snippet(String text) {
    return SlipParser.parse(SourceFile.of("<input>", text)).program();
  }

  @Test
  void aStageBreakpointPausesThenStepsShowVariablesAndTheirStaticTypes() throws Exception {
    dbg.breakAtStage("two");
    start("""
        pipeline("p") {
            stage("one") { echo("first") }
            stage("two") {
                val greeting = "hello"
                val n = greeting.length
                echo("$greeting $n")
            }
        }
        """);
    Pause p = pause();
    assertThat(p.reason()).isEqualTo("breakpoint 1: stage two");
    assertThat(p.point().kind()).isEqualTo(DebugPoint.Kind.STAGE);
    assertThat(p.point().stage()).isEqualTo("two");
    dbg.step(Stepping.INTO);
    p = pause();
    assertThat(p.point().line()).isEqualTo(4);
    assertThat(p.point().top().callee()).isEqualTo("stage two");
    assertThat(p.point().top().variables()).doesNotContainKey("greeting");
    dbg.step(Stepping.OVER);
    p = pause();
    assertThat(p.point().line()).isEqualTo(5);
    dbg.step(Stepping.OVER);
    p = pause();
    Frame top = p.point().top();
    assertThat(top.variables()).containsEntry("greeting", "hello").containsEntry("n", 5L);
    assertThat(top.staticTypes()).hasToString("{n=Int, greeting=String}");
    assertThat(top.evaluate(snippet("val twice = n * 2\n\"$greeting x$twice\"")))
        .isEqualTo("hello x10");
    assertThat(top.evaluate(snippet("twice + 1"))).as("declarations stay").isEqualTo(11L);
    dbg.resume();
    var out = finish();
    assertThat(out.result().exitCode()).as(out.result().error()).isZero();
    assertThat(out.logs("two")).containsExactly("hello 5");
  }

  @Test
  void stepIntoEntersAFunctionStepOutLeavesItStepOverSkipsIt() throws Exception {
    dbg.breakAtLine("Slipfile", 7);
    start("""
        fun double(n: Int): Int {
            val m = n * 2
            return m
        }
        pipeline("p") {
            stage("s") {
                val a = double(1)
                val b = double(a)
                echo("$a $b")
            }
        }
        """);
    Pause p = pause();
    assertThat(p.point().depth()).isEqualTo(1);
    dbg.step(Stepping.INTO);
    p = pause();
    assertThat(p.point().line()).isEqualTo(2);
    assertThat(p.point().depth()).isEqualTo(2);
    assertThat(p.point().frames()).extracting(Frame::callee).containsExactly("fun double", "stage s");
    assertThat(p.point().top().variables()).containsEntry("n", 1L);
    assertThat(p.point().frames().get(1).line()).as("the caller's statement").isEqualTo(7);
    dbg.step(Stepping.OUT);
    p = pause();
    assertThat(p.point().line()).isEqualTo(8);
    assertThat(p.point().top().variables()).containsEntry("a", 2L);
    dbg.step(Stepping.OVER);
    p = pause();
    assertThat(p.point().line()).as("over the call, not into it").isEqualTo(9);
    dbg.resume();
    assertThat(finish().logs("s")).containsExactly("2 4");
  }

  @Test
  void whilePausedTheStageAndPipelineTimeoutsDoNotRun() throws Exception {
    dbg.breakAtLine("Slipfile", 5);
    start("""
        pipeline("p") {
            options(timeout = 1.seconds)
            stage("s") {
                options(timeout = 500.ms)
                echo("at the breakpoint")
            }
        }
        """);
    Pause p = pause();
    assertThat(p.point().run().clock().paused()).isTrue();
    Thread.sleep(1500);
    dbg.resume();
    var out = finish();
    assertThat(out.result().exitCode()).as(out.result().error()).isZero();
    assertThat(out.finished("s").status()).isEqualTo(Status.SUCCESS);
  }

  @Test
  void evaluationAtABreakpointNeverReentersTheDebugger() throws Exception {
    dbg.breakAtLine("Slipfile", 2);
    dbg.breakAtStage("s");
    start("""
        fun inner(): Int {
            return 7
        }
        pipeline("p") {
            stage("s") { echo(inner()) }
        }
        """);
    Pause p = pause();
    assertThat(p.point().kind()).isEqualTo(DebugPoint.Kind.STAGE);
    var value = async(() -> p.point().top().evaluate(snippet("inner() + 1")));
    assertThat(value.get(10, TimeUnit.SECONDS)).as("line 2 is not hit by the evaluation")
        .isEqualTo(8L);
    dbg.resume();
    Pause inFunction = pause();
    assertThat(inFunction.point().line()).as("the program itself still stops there").isEqualTo(2);
    dbg.resume();
    assertThat(finish().result().exitCode()).isZero();
  }

  @Test
  void inputAtABreakpointIsCheckedAgainstThePausedFrame() throws Exception {
    dbg.breakAtLine("Slipfile", 4);
    start("""
        pipeline("p") {
            stage("s") {
                val port = 8080
                echo(port)
            }
        }
        """);
    Frame top = pause().point().top();
    var session = new CheckSession(TestRuns.REGISTRY, new FileModuleLoader(), top.staticScope());
    var ok = new Diagnostics();
    session.check(snippet("port + 1"), ok);
    assertThat(ok.list()).isEmpty();
    var bad = new Diagnostics();
    session.check(snippet("port.host"), bad);
    assertThat(bad.list()).singleElement().satisfies(d -> assertThat(d.message()).contains("host"));
    var receiver = new Diagnostics();
    session.check(snippet("sh(\"true\")"), receiver);
    assertThat(receiver.list()).as("the stage's receiver members are in scope").isEmpty();
    dbg.resume();
    finish();
  }

  @Test
  void onFailurePausesAtTheUnhandledFailureWithItsScopeAndNotAtHandledOnes() throws Exception {
    dbg.breakOnFailure();
    start("""
        pipeline("p") {
            stage("s") {
                val handled = try { error("caught") } catch (e: Error) { "ok" }
                val tried = retry(2) { if (handled == "ok") error("flaky") else 1 }
                echo(tried)
            }
        }
        """);
    Pause p = pause();
    assertThat(p.reason()).isEqualTo("failed: Error: flaky");
    assertThat(p.failure()).isNotNull();
    assertThat(p.point().line()).isEqualTo(4);
    assertThat(p.point().frames()).extracting(Frame::callee).containsExactly("lambda", "stage s");
    assertThat(p.point().frames().get(1).variables()).containsEntry("handled", "ok");
    assertThat(dbg.pauses()).hasSize(1);
    dbg.resume();
    var out = finish();
    assertThat(out.finished("s").status()).isEqualTo(Status.FAILED);
    assertThat(dbg.current()).isEmpty();
  }

  @Test
  void skipEndsThePausedStageAsSkipped() throws Exception {
    dbg.breakAtStage("a");
    start("""
        pipeline("p") {
            stage("a") { echo("never") }
            stage("b") { echo("runs") }
        }
        """);
    pause();
    dbg.skipStage();
    var out = finish();
    assertThat(out.finished("a").status()).isEqualTo(Status.SKIPPED);
    assertThat(out.logs("a")).isEmpty();
    assertThat(out.logs("b")).containsExactly("runs");
    assertThat(out.result().exitCode()).isZero();
  }

  @Test
  void cancellingARunWhilePausedEndsIt() throws Exception {
    var run = new java.util.concurrent.atomic.AtomicReference<io.slipway.run.Run>();
    dbg.pauseAtNextStage();
    start("""
        pipeline("p") {
            stage("a") { echo("never") }
        }
        """, o -> o.withOnStart(run::set));
    assertThat(pause().reason()).isEqualTo("before stage a");
    run.get().cancel("SIGINT");
    var out = finish();
    assertThat(out.result().status()).isEqualTo(Status.CANCELLED);
    assertThat(out.logs("a")).isEmpty();
  }
}
