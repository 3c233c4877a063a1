package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.CappedBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step printing far more than the output limit (1 MB here) keeps only a capped tail for its
 * {@code stdout} value, behind a marker, while the log still gets everything: in the agent (its
 * shell and exec modes) and in a started container's {@code exec}.
 */
class HugeOutputIT {
  private static final long PRINTED = 40L * 1024 * 1024;

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @AfterEach
  void reset() {
    System.clearProperty(CappedBuffer.PROPERTY);
    System.clearProperty("slipway.agent.steps");
  }

  private static void checkRun(PipelineRun run) {
    assertThat(run.result.exitCode()).as(run.toString().substring(0, Math.min(4000, run.toString().length()))).isZero();
    String log = run.log();
    assertThat(log).contains("kept 1048576 starts [output truncated at 1 MB: the first "
        + (PRINTED - 1024 * 1024) + " bytes are only in the log");
    long logged = run.events.stream().filter(e -> e instanceof io.slipway.run.Event.Log l
        && l.line().startsWith("xxxx")).mapToLong(e -> ((io.slipway.run.Event.Log) e).line().length()).sum();
    assertThat(logged).as("the log has every byte").isEqualTo(PRINTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shell", "exec"})
  void anAgentStepKeepsACappedTail(String mode, @TempDir Path dir) throws Exception {
    System.setProperty(CappedBuffer.PROPERTY, "1");
    System.setProperty("slipway.agent.steps", mode);
    checkRun(PipelineRun.run(dir, """
        pipeline("huge-%s") {
            agent(image = "%s")
            stage("s") {
                val out = sh("head -c %d /dev/zero | tr '\\\\0' x").stdout
                val marker = out.substring(0, out.indexOf("]") + 1)
                echo("kept ${out.length - marker.length - 1} starts $marker")
            }
        }
        """.formatted(mode, PipelineRun.IMAGE, PRINTED)));
  }

  @Test
  void aContainerExecKeepsACappedTail(@TempDir Path dir) throws Exception {
    System.setProperty(CappedBuffer.PROPERTY, "1");
    checkRun(PipelineRun.run(dir, """
        pipeline("huge-exec") {
            stage("s") {
                val c = start(image = "%s", command = listOf("sleep", "600"), init = true)
                val out = c.exec("head -c %d /dev/zero | tr '\\\\0' x").stdout
                val marker = out.substring(0, out.indexOf("]") + 1)
                echo("kept ${out.length - marker.length - 1} starts $marker")
            }
        }
        """.formatted(PipelineRun.IMAGE, PRINTED)));
  }
}
