package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine failure keeps its type wherever it happens (a builtin call, a method, a property
 * read that pulls on first use): it is an {@code EngineError} a pipeline can catch, never an
 * "internal error".
 */
class EngineErrorIT {
  /** A registry address on which nothing listens: the engine's pull fails at once. */
  private static final String UNREACHABLE = "127.0.0.1:1/slipway-it/nowhere:1";

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void engineFailuresInPropertiesAndMethodsAreCatchableEngineErrors(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("engine-errors") {
            stage("s") {
                val missing = image("%s")
                try {
                    echo("size ${missing.size}")
                } catch (e: EngineError) {
                    echo("caught size: ${e.message}")
                }
                try {
                    echo("tags ${missing.tags}")
                } catch (e: EngineError) {
                    echo("caught tags")
                }
                try {
                    missing.tag("slipway-it/never:1")
                } catch (e: EngineError) {
                    echo("caught tag")
                }
            }
        }
        """.formatted(UNREACHABLE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("caught size: pull " + UNREACHABLE, "connection refused",
        "caught tags", "caught tag").doesNotContain("internal error");
  }

  @Test
  void anUncaughtEngineErrorFailsTheStageAsEngineError(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("engine-error-uncaught") {
            stage("s") {
                echo("size ${image("%s").size}")
            }
        }
        """.formatted(UNREACHABLE));
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.result.error()).contains("EngineError").contains("connection refused")
        .doesNotContain("internal error");
  }
}
