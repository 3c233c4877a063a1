package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway repl} with piped input, and {@code run --break-on-failure}/{@code --pause}. */
class ReplScriptModeTest {
  @TempDir Path dir;

  @Test
  void pipedInputIsEvaluatedLineByLineWithContinuationLines() {
    var r = CliHarness.run(Map.of(), """
        val xs = listOf(10, 20, 30)
        xs
        fun sum(list: List<Int>): Int {
          var t = 0
          for (x in list) { t += x }
          return t
        }
        sum(xs)
        val bad: Int = "no"
        :nope
        """, "repl");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("[10, 20, 30]\n60\n")
        .contains("<input-5>:1:16: error[E0203]")
        .contains("unknown command `:nope`")
        .doesNotContain("\u001b[");
  }

  @Test
  void theSecondaryPromptSaysWhatTheInputStillLacks() {
    var r = CliHarness.run(Map.of(), """
        val n = 2
        "n = ${n +
          1}!"
        val s = \"\"\"
        raw
        \"\"\".trim()
        fun f(): Int {
          return 7 *
            6
        }
        f()
        "abc
        """, "repl", "--echo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("""
        slipway> "n = ${n +
        ... (`${` not closed: `}`)>   1}!"
        n = 3!
        slipway> val s = \"\"\"
        ... (string not closed: `\"\"\"`)> raw
        ... (string not closed: `\"\"\"`)> \"\"\".trim()
        slipway> fun f(): Int {
        ... (block not closed: `}`)>   return 7 *
        ... (block not closed: `}`)>     6
        ... (block not closed: `}`)> }
        slipway> f()
        42
        slipway> "abc
        <input-6>:1:1: error[E0101]: unterminated string""");
  }

  private Path slipfile(String source) throws Exception {
    Path f = dir.resolve("Slipfile");
    Files.writeString(f, source);
    return f;
  }

  @Test
  void theExitCodeIsOneWhenTheLastRunFailed() throws Exception {
    Path f = slipfile("""
        param code: Int = 0
        pipeline("p") {
            stage("s") { sh("exit ${params.code}") }
        }
        """);
    var r = CliHarness.run(Map.of(), ":run -p code=4\n", "repl", f.toString());
    assertThat(r.out()).startsWith("loaded ").contains("run failed:");
    assertThat(r.code()).isEqualTo(1);
    r = CliHarness.run(Map.of(), ":run -p code=4\n:run\n", "repl", f.toString());
    assertThat(r.out()).contains("run succeeded");
    assertThat(r.code()).isZero();
  }

  @Test
  void breakOnFailureOpensTheReplAtTheFailingStepWithItsScope() throws Exception {
    Path f = slipfile("""
        pipeline("p") {
            stage("s") {
                val answer = 42
                sh("exit 3")
            }
        }
        """);
    var r = CliHarness.run(Map.of(), "answer + 1\n:where\n:continue\n",
        "run", "--break-on-failure", f.toString());
    assertThat(r.out()).contains("paused in stage s, ").contains("(failed: StepFailed")
        .contains("\n43\n").contains("frames:\n  #0 stage s at ")
        .contains("run failed:");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void pauseStartsPausedBeforeTheFirstStage() throws Exception {
    Path f = slipfile("""
        pipeline("p") {
            stage("first") { echo("first ran") }
        }
        """);
    var r = CliHarness.run(Map.of(), ":where\n:continue\n", "run", "--pause", f.toString());
    assertThat(r.out()).contains("paused in stage first").contains("(before stage first)")
        .contains("[first] first ran").contains("run succeeded");
    assertThat(r.out().indexOf("paused")).isLessThan(r.out().indexOf("first ran"));
    assertThat(r.code()).isZero();
  }
}
