package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and output formats of every command path, in-process, no Docker. */
class CliTest {
  @TempDir
  Path dir;

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static final String OK = """
      param who = "world"
      pipeline("ok") {
          stage("hello") {
              echo("hello ${params.who}")
          }
          stage("bye", needs = listOf("hello")) {
              echo("bye")
          }
      }
      """;

  static final String BROKEN = """
      pipeline("broken") {
          stage("a") {
              timeout(30) { echo("x") }
              echo(undefinedThing)
          }
      }
      """;

  @Test
  void checkOfACleanFileExitsZeroWithASummary() throws Exception {
    var r = CliHarness.run("check", write("Slipfile", OK).toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("checked 1 file: ok\n");
  }

  @Test
  void checkReportsEveryDiagnosticInSpecFormatAndExitsTwo() throws Exception {
    Path f = write("broken.slip", BROKEN);
    var r = CliHarness.run("check", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains(f + ":3:17: error[E0203]: type mismatch")
        .containsPattern("(?m)^    3 \\|         timeout\\(30\\) \\{ echo\\(\"x\"\\) \\}$")
        .containsPattern("(?m)^      \\|                 \\^\\^")
        .contains("error[E0301]")
        .contains("checked 1 file: 2 errors")
        .doesNotContain("\u001b[");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void checkOfSeveralFilesReportsAllOfThem() throws Exception {
    var r = CliHarness.run("check", write("a.slip", BROKEN).toString(),
        write("b.slip", OK).toString(), dir.resolve("missing.slip").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("a.slip:3:17").contains("file not found: ")
        .contains("checked 3 files: 3 errors");
  }

  @Test
  void aFileWithoutPipelineChecksAsALibraryButDoesNotRun() throws Exception {
    Path lib = write("common.slip", """
        fun imageRef(name: String, tag: String): String = "localhost:5000/$name:$tag"
        val answer: Int = "42"
        """);
    var check = CliHarness.run("check", lib.toString());
    assertThat(check.code()).isEqualTo(2);
    assertThat(check.out()).contains("common.slip:2:19: error[E0203]").doesNotContain("E0401");
    Path clean = write("clean.slip", "fun twice(x: Int): Int = x * 2\n");
    assertThat(CliHarness.run("check", clean.toString()).code()).isEqualTo(0);
    var run = CliHarness.run("run", clean.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("E0401");
  }

  @Test
  void aMissingFileIsAUsageError() {
    var r = CliHarness.run("run", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: file not found:").doesNotContain("Exception");
  }

  @Test
  void usageErrorsExitTwoWithAHint() {
    var r = CliHarness.run("run", "--no-such-flag");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--no-such-flag'").contains("slipway help run");
    assertThat(CliHarness.run("frobnicate").code()).isEqualTo(2);
    assertThat(CliHarness.run().code()).isEqualTo(2);
  }

  @Test
  void versionAndHelp() {
    var v = CliHarness.run("version");
    assertThat(v.code()).isEqualTo(0);
    assertThat(v.out()).startsWith("slipway ").contains("java ");
    var h = CliHarness.run("help");
    assertThat(h.code()).isEqualTo(0);
    assertThat(h.out()).contains("check").contains("plan").contains("run").contains("gc");
  }

  @Test
  void planPrintsTheGraphAndRejectsBadParams() throws Exception {
    Path f = write("Slipfile", OK);
    var r = CliHarness.run("plan", f.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("hello").contains("bye");
    var bad = CliHarness.run("plan", f.toString(), "-p", "nosuch=1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("E0504");
  }

  @Test
  void runOfAHostPipelinePrintsPlainLinesAndExitsZero() throws Exception {
    var r = CliHarness.run("run", write("Slipfile", OK).toString(), "-p", "who=tests");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("[hello] hello tests").contains("[bye] bye")
        .containsPattern("(?m)^hello +success");
  }

  @Test
  void aFailingPipelineExitsOne() throws Exception {
    Path f = write("Slipfile", """
        pipeline("fails") {
            stage("boom") {
                sh("echo about to fail; exit 3")
            }
            stage("never") {
                echo("not reached")
            }
        }
        """);
    var r = CliHarness.run("run", f.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("[boom] about to fail").doesNotContain("not reached")
        .doesNotContain("at io.slipway");
  }

  @Test
  void checkErrorsStopRunBeforeAnythingRuns() throws Exception {
    var r = CliHarness.run("run", write("Slipfile", BROKEN).toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error[E0203]").contains("nothing was run");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anApprovalGateWithoutTerminalFailsClearly() throws Exception {
    Path f = write("Slipfile", """
        pipeline("gated") {
            stage("deploy") {
                approve("Deploy to production?")
                echo("deployed")
            }
        }
        """);
    var r = CliHarness.run("run", f.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("Deploy to production?").doesNotContain("[deploy] deployed");
    var yes = CliHarness.run("run", f.toString(), "--approve");
    assertThat(yes.code()).as(yes.out() + yes.err()).isEqualTo(0);
    assertThat(yes.out()).contains("[deploy] deployed");
  }

  @Test
  void docsListTheStandardLibrary() {
    var r = CliHarness.run("docs");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("# ").contains("echo").contains("E0203");
    var t = CliHarness.run("docs", "--text");
    assertThat(t.code()).isEqualTo(0);
    assertThat(t.out()).contains("echo").doesNotContain("## ");
  }

  @Test
  void onlyTheChosenStageRuns() throws Exception {
    Path f = write("Slipfile", OK);
    var r = CliHarness.run("run", f.toString(), "--stage", "bye");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("[bye] bye").doesNotContain("[hello]");
    var unknown = CliHarness.run("run", f.toString(), "--stage", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown stage `nope`");
    var typo = CliHarness.run("run", f.toString(), "--stage", "byee");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown stage `byee` (--stage); did you mean `bye`?")
        .contains("the stages are: hello, bye");
    assertThat(typo.err().split("unknown stage", -1)).as("exactly one error").hasSize(2);
    assertThat(typo.out()).as("no empty table").doesNotContain("STAGE").doesNotContain("run failed");
  }

  @Test
  void anInternalErrorIsOneLineUnlessDebug() throws Exception {
    Path f = write("Slipfile", OK);
    var err = new java.io.ByteArrayOutputStream();
    var failing = new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        throw new IllegalStateException("disk on fire");
      }
    });
    var cli = new Cli(failing, new java.io.PrintStream(err, true), java.io.InputStream.nullInputStream(),
        java.util.Map.of(), Tty.none());
    assertThat(Main.execute(cli, "check", f.toString())).isEqualTo(3);
    assertThat(err.toString()).isEqualTo(
        "internal error: IllegalStateException: disk on fire (run with --debug for details)\n");
    err.reset();
    assertThat(Main.execute(cli, "check", "--debug", f.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("\tat io.slipway.cli.").contains("internal error: ");
  }
}
