package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret a container prints back never reaches an event, whole, split across chunks or lines. */
class MaskingIT {
  private static final String TOKEN = "hunter2-abcdef";
  private static final String MULTI = "first-line-of-key\nsecond-line-of-key";

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void containerOutputIsMasked(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("masking") {
            agent(image = "%1$s")
            env("TOKEN" to secret("TOKEN"))
            stage("echo") {
                // whole, and split across two output chunks half a second apart
                sh("echo token=\\$TOKEN; printf 'hunter2'; sleep 0.5; printf -- '-abcdef\\\\n'")
                val c = start(image = "%1$s", name = "echoer", env = mapOf("KEY" to secret("KEY"), "T" to secret("TOKEN")),
                              command = listOf("sh", "-c", "echo \\"\\$KEY\\"; echo \\"T=\\$T\\"; sleep 60"))
                waitUntil(timeout = 10.seconds) { c.logs().contains("T=") }
                echo(c.logs())
                c.exec("printf 'hun'; sleep 0.3; printf 'ter2-abc'; sleep 0.3; echo def")
                run(image = "%1$s", command = "echo \\"\\$K\\" >&2", env = mapOf("K" to secret("KEY")))
                sh("echo \\$TOKEN; exit 3")
            }
        }
        """.formatted(PipelineRun.IMAGE),
        Map.of("TOKEN", TOKEN, "KEY", MULTI), o -> o);
    assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
    String all = run.log() + "\n" + run.result.error() + "\n" + run.events.stream()
        .filter(e -> e instanceof Event.StageFinished).map(e -> String.valueOf(((Event.StageFinished) e).error()))
        .reduce("", String::concat);
    assertThat(all).contains("token=****", "T=****", "****")
        .doesNotContain(TOKEN, "hunter2", "first-line-of-key", "second-line-of-key");
  }
}
