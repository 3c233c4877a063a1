package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent(image)}: sh runs in the stage's container with the workspace mounted. */
class AgentIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"shell", "exec"})
  void shRunsInTheAgentWithWorkspaceEnvAndExitCodes(String mode, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("input.txt"), "from the host\n");
    System.setProperty("slipway.agent.steps", mode);
    PipelineRun run;
    try {
      run = PipelineRun.run(dir, """
        pipeline("agents") {
            agent(image = "%s")
            env("GREETING" to "hi")
            stage("build") {
                val where = sh("pwd; cat input.txt; echo \\$GREETING; cat /etc/passwd | head -1", quiet = true).stdout
                echo(where)
                withEnv("EXTRA" to "yes") {
                    assert(sh("echo \\$EXTRA").stdout == "yes\\n")
                }
                sh("echo made-in-container > out.txt")
                assert(sh("exit 3", check = false).exitCode == 3)
                assert(sh(listOf("sh", "-c", "exit 0")).exitCode == 0)
                assert(sh("printf 'no newline __slip'", quiet = true).stdout == "no newline __slip")
                assert(sh("echo to-err >&2; printf x", quiet = true).stderr == "to-err\\n")
                assert(sh(listOf("printf", "%%s|", "it's", "a b")).stdout == "it's|a b|")
            }
            stage("fail") {
                sh("echo about to fail; exit 7")
            }
        }
        """.formatted(PipelineRun.IMAGE));
    } finally {
      System.clearProperty("slipway.agent.steps");
    }
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.log()).contains("/workspace\nfrom the host\nhi\nroot:x:0:0", "about to fail");
    assertThat(run.result.error()).contains("fail").contains("7");
    assertThat(dir.resolve("out.txt")).hasContent("made-in-container");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void aTimedOutCommandDoesNotBlockTheNextStage(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("agent-timeout") {
            agent(image = "%s")
            stage("slow") {
                options(timeout = 2.seconds)
                try { sh("sleep 30") } finally { }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.error()).as(run.toString()).contains("Timeout");
    var next = PipelineRun.run(dir, """
        pipeline("agent-timeout2") {
            agent(image = "%s")
            stage("a") {
                timeout(2.seconds) { sh("sleep 30", check = false) }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(next.result.error()).as(next.toString()).contains("Timeout");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
    assertThat(PipelineRun.leftovers(next.runId)).isEmpty();
  }

  @Test
  void manyStepsRunInOrder(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("many") {
            agent(image = "%s")
            stage("steps") {
                for (i in 1..40) { assert(sh("echo $i", quiet = true).stdout == "$i\\n") }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    var steps = run.events.stream().filter(e -> e instanceof io.slipway.run.Event.StepFinished f
        && f.exitCode() != null).toList();
    // every step ran through the stage's one attached shell, in order; how cheap that is, is
    // measured side by side with the docker CLI by bench/ (step overhead), not asserted here
    assertThat(steps).hasSize(40);
    assertThat(steps).allSatisfy(e -> assertThat(((io.slipway.run.Event.StepFinished) e).exitCode()).isZero());
  }

  @Test
  void theWorkspaceIsCopiedInWhenItCannotBeMounted(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/deep"));
    Files.writeString(dir.resolve("src/deep/input.txt"), "copied in\n");
    System.setProperty("slipway.agent.workspace", "copy");
    try {
      var run = PipelineRun.run(dir, """
          pipeline("copy") {
              agent(image = "%s")
              stage("s") {
                  assert(sh("cat src/deep/input.txt").stdout == "copied in\\n")
                  sh("echo only-in-container > made.txt")
              }
          }
          """.formatted(PipelineRun.IMAGE));
      assertThat(run.result.exitCode()).as(run.toString()).isZero();
      assertThat(dir.resolve("made.txt")).doesNotExist();
      assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
    } finally {
      System.clearProperty("slipway.agent.workspace");
    }
  }

  private static java.time.Instant time(PipelineRun run, String stage, boolean start) {
    return run.events.stream().filter(e -> start
            ? e instanceof io.slipway.run.Event.StageStarted s && s.stage().equals(stage)
            : e instanceof io.slipway.run.Event.StageFinished f && f.stage().equals(stage))
        .map(io.slipway.run.Event::time).findFirst().orElseThrow();
  }

  @Test
  void parallelStagesGetTheirOwnAgents(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("par") {
            agent(image = "%s")
            parallel {
                stage("a") { sh("sleep 2; hostname > a.txt") }
                stage("b") { sh("sleep 2; hostname > b.txt") }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(dir.resolve("a.txt"))).isNotEqualTo(Files.readString(dir.resolve("b.txt")));
    // the two stages ran at the same time: each started before the other finished
    assertThat(time(run, "a", true)).isBefore(time(run, "b", false));
    assertThat(time(run, "b", true)).isBefore(time(run, "a", false));
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }
}
