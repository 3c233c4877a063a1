package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A container killed under a running step (the stage's agent, or a {@code start()}ed container
 * an {@code exec} runs in) fails that step within seconds and says why, instead of waiting
 * forever for output that will never come; so does the next step of an agent killed between
 * steps.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadContainerIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  /** Runs the pipeline in the background; kills the container whose name starts with {@code prefix} once {@code marker} exists. */
  private static PipelineRun runAndKill(Path dir, String pipeline, String slipfile, String prefix,
      String marker) throws Exception {
    CompletableFuture<PipelineRun> run = CompletableFuture.supplyAsync(() -> {
      try {
        return PipelineRun.run(dir, slipfile);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Path mark = dir.resolve(marker);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(mark) && !run.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(mark).as("the step started").exists();
    long killed;
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      ContainerInfo victim = e.listContainers(Map.of(RunLabels.PIPELINE, pipeline)).stream()
          .filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
      e.killContainer(victim.id(), "KILL");
      killed = System.nanoTime();
    }
    PipelineRun result = run.get(60, TimeUnit.SECONDS);
    // bounded, not a measurement: generous because the build machine is loaded (the engine's
    // own view of the kill can lag by seconds there); a hang would take 60 s and more
    assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("fails within seconds of the kill")
        .isLessThan(Duration.ofSeconds(20));
    assertThat(PipelineRun.leftovers(result.runId)).isEmpty();
    return result;
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shell", "exec"})
  void anAgentKilledMidStepFailsTheStep(String mode, @TempDir Path dir) throws Exception {
    String name = unique("dead-agent");
    System.setProperty("slipway.agent.steps", mode);
    PipelineRun run;
    try {
      run = runAndKill(dir, name, """
          pipeline("%s") {
              agent(image = "%s")
              stage("build") {
                  sh("touch started; sleep 60")
              }
          }
          """.formatted(name, PipelineRun.IMAGE), "agent-", "started");
    } finally {
      System.clearProperty("slipway.agent.steps");
    }
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.result.error()).contains("EngineError")
        .contains("the agent container exited (code 137, killed) while running `touch started; sleep 60`");
  }

  @Test
  void anAgentKilledBetweenStepsFailsTheNextStep(@TempDir Path dir) throws Exception {
    String name = unique("dead-agent-between");
    var run = runAndKill(dir, name, """
        pipeline("%s") {
            agent(image = "%s")
            stage("build") {
                sh("touch first")
                sleep(4.seconds)
                sh("echo second")
            }
        }
        """.formatted(name, PipelineRun.IMAGE), "agent-", "first");
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.result.error())
        .contains("the agent container exited (code 137, killed) before `echo second`");
    assertThat(run.log()).doesNotContain("second");
  }

  @Test
  void aStartedContainerKilledDuringAnExecFailsTheExec(@TempDir Path dir) throws Exception {
    String name = unique("dead-exec");
    var run = runAndKill(dir, name, """
        pipeline("%s") {
            stage("chaos") {
                val victim = start(image = "%s", name = "victim", command = "sleep 600",
                                   volumes = listOf("." to "/w"))
                try {
                    victim.exec("touch /w/started; sleep 60")
                } catch (e: StepFailed) {
                    echo("caught: ${e.message}")
                    echo("running: ${victim.running}")
                }
            }
        }
        """.formatted(name, PipelineRun.IMAGE), "victim-", "started");
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("caught: container `victim` exited (code 137, killed) while"
        + " `touch /w/started; sleep 60` was running", "running: false");
  }
}
