package io.slipway.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.run.Event;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless REPL session without a terminal or an engine: evaluation and commands. */
class ReplSessionTest {
  static final BuiltinRegistry REGISTRY = Stdlib.registry();
  @TempDir Path dir;
  final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  ReplSession session;

  @BeforeEach
  void open() {
    session = new ReplSession(ReplConfig.of(REGISTRY).withDir(dir).withEvents(e -> {
      synchronized (events) {
        events.add(e);
      }
    }).withEnvironment(Map.of("API_TOKEN", "s3cr3t-t0ken")));
  }

  @AfterEach
  void close() {
    session.close();
  }

  ReplResponse in(String line) {
    return session.handleLine(line);
  }

  List<String> logs(String stage) {
    synchronized (events) {
      return events.stream().filter(e -> e instanceof Event.Log l && stage.equals(l.stage()))
          .map(e -> ((Event.Log) e).line()).toList();
    }
  }

  @Test
  void expressionsPrintTheirValueAndStaticType() {
    ReplResponse r = in("listOf(10, 20, 30)");
    assertThat(r).isInstanceOf(ReplResponse.Value.class);
    assertThat(r.text()).isEqualTo("[10, 20, 30]");
    assertThat(((ReplResponse.Value) r).type()).isEqualTo("List<Int>");
    assertThat(in("1 + 2 * 3").text()).isEqualTo("7");
    assertThat(in(":type mapOf(\"a\" to 1)").text()).isEqualTo("Map<String, Int>\n");
  }

  @Test
  void definitionsPersistBetweenInputsAndMayBeRedefined() {
    assertThat(in("val x = 41")).isEqualTo(new ReplResponse.Output(""));
    assertThat(in("fun inc(n: Int): Int = n + 1").text()).isEmpty();
    assertThat(in("inc(x)").text()).isEqualTo("42");
    assertThat(in("data class P(val name: String)").text()).isEmpty();
    assertThat(in("P(\"a\").name").text()).isEqualTo("a");
    assertThat(in("val x = \"now a string\"").text()).isEmpty();
    assertThat(in("x.length").text()).isEqualTo("12");
    assertThat(in("var n = 0\nfor (i in 1..4) { n += i }\nn").text()).isEqualTo("10");
    assertThat(in(":vars").text()).as("outside a pause: the session's own values")
        .isEqualTo("n: Int = 10\nx: String = now a string\n");
  }

  @Test
  void checkErrorsAreRenderedAsSlipwayCheckRendersThemAndDeclareNothing() {
    ReplResponse r = in("val y: Int = \"a\"");
    assertThat(r).isInstanceOf(ReplResponse.Diagnostics.class);
    assertThat(r.text()).startsWith("<input-1>:1:14: error[E0203]: ")
        .contains("1 | val y: Int = \"a\"").contains("^^^");
    assertThat(in("y").text()).contains("error[E0301]");
  }

  @Test
  void incompleteInputSaysWhatIsMissing() {
    ReplResponse r = in("fun f(): Int {");
    assertThat(r).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(r.text()).contains("missing `}`");
    assertThat(in("val s = \"\"\"abc")).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(in("listOf(1,")).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(in("1 +")).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(session.missing("fun f(): Int {\n  return 1\n")).contains("missing `}`");
    assertThat(session.missing("fun f(): Int {\n  return 1\n}")).isNull();
    assertThat(in("fun f(): Int {\n  return 1\n}\nf()").text()).isEqualTo("1");
    assertThat(in("val x = )")).as("an error is not incomplete")
        .isInstanceOf(ReplResponse.Diagnostics.class);
  }

  @Test
  void aStringWithAnOpenTemplateContinuesUntilItIsClosed() {
    ReplResponse r = in("val n = 2\n\"n = ${n +");
    assertThat(r).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(r.text()).contains("missing `}`").contains("template");
    assertThat(session.missing("\"n = ${n +\n  1")).contains("missing `}`");
    assertThat(in("val n = 2\n\"n = ${n +\n  1}!\"").text()).isEqualTo("n = 3!");
    ReplResponse raw = in("\"\"\"two\nlines");
    assertThat(raw).isInstanceOf(ReplResponse.Incomplete.class);
    assertThat(raw.text()).contains("raw string");
    assertThat(in("\"abc")).as("a \"...\" string ends on its line: no later line can close it")
        .isInstanceOf(ReplResponse.Diagnostics.class);
  }

  @Test
  void runtimeErrorsAreShownWithTheirSourceLine() {
    ReplResponse r = in("val xs = listOf(1)\nxs[3]");
    assertThat(r).isInstanceOf(ReplResponse.Failure.class);
    assertThat(r.text()).contains("<input-1>:2:").contains("xs[3]");
    assertThat(in("error(\"boom\")").text()).contains("Error: boom");
  }

  @Test
  void commandsAreParsedWithPrefixesAndUsageErrors() {
    assertThat(in(":nope").text()).contains("unknown command `:nope`");
    assertThat(in(":s").text()).as(":s is :step").contains("no run is paused");
    assertThat(in(":bre").text()).contains("ambiguous").contains(":break").contains(":breaks");
    assertThat(in(":delete x").text()).isEqualTo("usage: :delete N | all\n");
    assertThat(in(":run -p X").text()).contains("NAME=VALUE");
    assertThat(in(":help").text()).contains(":rerun STAGE").contains(":break STAGE");
    assertThat(in(":help where").text()).contains(":where");
    assertThat(in(":doc sh").text()).startsWith("fun sh(");
    assertThat(in(":doc nothingLikeThis").text()).startsWith("no builtin");
    assertThat(in(":run").text()).contains("no pipeline loaded");
    assertThat(in(":stages").text()).contains("no pipeline loaded");
  }

  @Test
  void completionOffersCommandsNamesAndMembers() {
    in("val greeting = \"hi\"");
    var c = (ReplResponse.Completions) session.handle(new ReplRequest.Complete(":br", 3));
    assertThat(c.candidates()).containsExactly(":break", ":breaks");
    c = (ReplResponse.Completions) session.handle(new ReplRequest.Complete("gree", 4));
    assertThat(c.candidates()).containsExactly("greeting");
    assertThat(c.anchor()).isZero();
    c = (ReplResponse.Completions) session.handle(new ReplRequest.Complete("greeting.len", 12));
    assertThat(c.candidates()).contains("length");
    assertThat(c.anchor()).isEqualTo(9);
    c = (ReplResponse.Completions) session.handle(new ReplRequest.Complete("listOf(1).fi", 12));
    assertThat(c.candidates()).contains("filter", "first");
  }

  private void write(String source) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), source);
  }

  private static final String TWO_STAGES = """
      var built = "nothing"
      pipeline("p") {
          stage("one") {
              built = "image-1"
              echo("built")
          }
          stage("two") {
              val greeting = "hello"
              val token = secret("API_TOKEN")
              echo("$greeting $built")
          }
      }
      """;

  @Test
  void loadBreakRunInspectEvaluateAndContinue() throws Exception {
    write(TWO_STAGES);
    assertThat(in(":load Slipfile").text()).startsWith("loaded Slipfile\n").contains("one")
        .contains("two");
    assertThat(in(":load .").text()).as("a directory means its Slipfile")
        .startsWith("loaded Slipfile\n");
    assertThat(in(":load nothing.slip").text()).isEqualTo("cannot read `nothing.slip`: no such "
        + "file\n");
    assertThat(in(":stages").text()).isEqualTo("one\ntwo  after one\n");
    assertThat(in(":break two").text()).isEqualTo("breakpoint 1: stage two\n");
    ReplResponse r = in(":run");
    assertThat(r).isInstanceOf(ReplResponse.Paused.class);
    assertThat(r.text()).startsWith("paused in stage two, Slipfile:8 (breakpoint 1: stage two)")
        .contains(">    8 |         val greeting = \"hello\"");
    assertThat(session.prompt()).isEqualTo("two:8> ");
    assertThat(in("built").text()).as("what stage one assigned").isEqualTo("image-1");
    assertThat(in(":next")).isInstanceOf(ReplResponse.Paused.class);
    assertThat(in(":next").text()).contains("Slipfile:10");
    assertThat(in(":vars").text()).contains("greeting: String = hello")
        .contains("token: Secret = ***").doesNotContain("s3cr3t");
    assertThat(in("greeting.length * 2").text()).isEqualTo("10");
    assertThat(in("greeting.nope").text()).as("checked against the paused frame")
        .contains("error[");
    assertThat(in("val twice = greeting + greeting").text()).isEmpty();
    assertThat(in("twice").text()).isEqualTo("hellohello");
    assertThat(in(":where").text()).startsWith("stage two, Slipfile:10\n")
        .contains(">   10 |").contains("frames:\n  #0 stage two at Slipfile:10");
    assertThat(in(":stages").text()).isEqualTo("one  [done]\ntwo  after one\n");
    r = in(":continue");
    assertThat(r).isInstanceOf(ReplResponse.RunEnded.class);
    assertThat(((ReplResponse.RunEnded) r).status()).isEqualTo(Status.SUCCESS);
    assertThat(logs("two")).containsExactly("hello image-1");
    assertThat(session.exitCode()).isZero();
    assertThat(in(":breaks").text()).isEqualTo("1: stage two\n");
    assertThat(in(":delete all").text()).contains("deleted");
    assertThat(in(":breaks").text()).isEqualTo("no breakpoints\n");
  }

  @Test
  void onFailurePausesAtTheFailingStatementAndTheRunThenFails() throws Exception {
    write("""
        pipeline("p") {
            stage("s") {
                val port = 8080
                sh("exit 3")
                echo("never")
            }
        }
        """);
    in(":load Slipfile");
    in(":break on-failure");
    ReplResponse r = in(":run");
    assertThat(r.text()).startsWith("paused in stage s, Slipfile:4 (failed: ").contains("sh(\"exit 3\")");
    assertThat(in("port + 1").text()).isEqualTo("8081");
    r = in(":c");
    assertThat(r).isInstanceOf(ReplResponse.RunEnded.class);
    assertThat(((ReplResponse.RunEnded) r).exitCode()).isEqualTo(1);
    assertThat(r.text()).startsWith("run failed:");
    assertThat(session.exitCode()).isEqualTo(1);
  }

  @Test
  void skipEndsThePausedStageAsSkipped() throws Exception {
    write("""
        pipeline("p") {
            stage("a") { echo("a ran") }
            stage("b") { echo("b ran") }
        }
        """);
    in(":load Slipfile");
    in(":break a");
    assertThat(in(":run")).isInstanceOf(ReplResponse.Paused.class);
    ReplResponse r = in(":skip");
    assertThat(((ReplResponse.RunEnded) r).status()).isEqualTo(Status.SUCCESS);
    assertThat(logs("a")).doesNotContain("a ran");
    assertThat(logs("b")).containsExactly("b ran");
  }

  @Test
  void rerunRunsOneStageAgainKeepingWhatEarlierStagesSet() throws Exception {
    write(TWO_STAGES);
    in(":load Slipfile");
    assertThat(in(":run")).isInstanceOf(ReplResponse.RunEnded.class);
    ReplResponse r = in(":rerun two");
    assertThat(r).isInstanceOf(ReplResponse.RunEnded.class);
    assertThat(r.text()).isEqualTo("stage two succeeded\n");
    assertThat(logs("two")).containsExactly("hello image-1", "hello image-1");
    assertThat(logs("one")).containsExactly("built");
    assertThat(in(":rerun three").text()).startsWith("unknown stage `three`; stages: one, two");
  }

  @Test
  void reloadContinuesThePausedRunFromTheCurrentStageWithTheNewCode() throws Exception {
    write(TWO_STAGES);
    in(":load Slipfile");
    in(":break two");
    assertThat(in(":run")).isInstanceOf(ReplResponse.Paused.class);
    write(TWO_STAGES.replace("echo(\"$greeting $built\")", "echo(\"edited $built\")"));
    in(":delete all");
    ReplResponse r = in(":reload");
    assertThat(r.text()).startsWith("reloaded Slipfile; continuing after one\n");
    assertThat(r).isInstanceOf(ReplResponse.RunEnded.class);
    assertThat(logs("one")).as("stage one is not run again").containsExactly("built");
    assertThat(logs("two")).as("the var stage one set is kept").containsExactly("edited image-1");
  }

  @Test
  void reloadReportsCheckErrorsAndKeepsTheOldProgram() throws Exception {
    write(TWO_STAGES);
    in(":load Slipfile");
    write(TWO_STAGES.replace("val greeting = \"hello\"", "val greeting: Int = \"hello\""));
    ReplResponse r = in(":reload");
    assertThat(r).isInstanceOf(ReplResponse.Diagnostics.class);
    assertThat(r.text()).contains("error[E0203]").startsWith("Slipfile:8:");
    assertThat(in(":run")).isInstanceOf(ReplResponse.RunEnded.class);
    assertThat(logs("two")).containsExactly("hello image-1");
  }

  @Test
  void interruptStopsAnEvaluationAndARunButNotTheSession() throws Exception {
    var interrupter = Thread.ofPlatform().daemon().start(() -> {
      try {
        Thread.sleep(300);
        while (!session.interrupt()) {
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(in("sleep(60.seconds)").text()).isEqualTo("interrupted\n");
    interrupter.join();
    assertThat(in("1 + 1").text()).isEqualTo("2");
    write("""
        pipeline("p") {
            stage("slow") { sleep(60.seconds) }
        }
        """);
    in(":load Slipfile");
    var stopper = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (events.stream().noneMatch(e -> e instanceof Event.StageStarted)) {
          Thread.sleep(20);
        }
        session.interrupt();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ReplResponse r = in(":run");
    stopper.join();
    assertThat(((ReplResponse.RunEnded) r).status()).isEqualTo(Status.CANCELLED);
    assertThat(session.exitCode()).isEqualTo(1);
    assertThat(in("\"still\" + \" here\"").text()).isEqualTo("still here");
  }

  @Test
  void resetForgetsDefinitionsAndBreakpoints() {
    in("val kept = 1");
    in(":break x");
    assertThat(in(":reset").text()).contains("reset");
    assertThat(in("kept").text()).contains("error[E0301]");
    assertThat(in(":breaks").text()).isEqualTo("no breakpoints\n");
    assertThat(in(":quit")).isInstanceOf(ReplResponse.Quit.class);
  }
}
