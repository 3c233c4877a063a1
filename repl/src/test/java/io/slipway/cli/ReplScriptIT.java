package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL end to end through script mode against the real engine: break on a failure with
 * the stage's containers kept, the container commands, a stage re-run with the earlier stage's
 * network kept, and nothing left behind after end of input.
 */
class ReplScriptIT {
  static final String IMAGE = "slipway-test/busybox:latest";
  @TempDir Path dir;

  @BeforeAll
  static void engine() throws Exception {
    boolean required = "1".equals(System.getenv("SLIPWAY_REQUIRE_ENGINE"));
    var version = DockerCleanupIT.docker("version");
    if (version.code() != 0) {
      if (required) {
        throw new AssertionError("SLIPWAY_REQUIRE_ENGINE=1 and no engine: " + version.text());
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no Docker engine");
    }
    Path script = Path.of("..", "scripts", "build-test-images.sh");
    assertThat(new ProcessBuilder(script.toString()).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void breakInspectExecRerunAndNothingLeftBehind() throws Exception {
    String pipeline = "repl-it-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("%s") {
            stage("up") {
                val net = network("replnet")
                start(image = image("%s"), name = "web", network = net,
                      command = listOf("sh", "-c", "echo web says hi; sleep 600"))
                echo("web started")
            }
            stage("probe") {
                val expected = "nothing"
                sh("exit 7")
            }
        }
        """.formatted(pipeline, IMAGE));
    var r = CliHarness.run(Map.of(), """
        :explain on
        :break on-failure
        :run
        :ps
        expected.length
        :exec web cat /etc/hostname
        :inspect web
        :logs web
        :exec nope true
        :continue
        :ps
        :rerun up
        :ps
        """, "repl", "--echo", dir.resolve("Slipfile").toString());
    String out = r.out();
    assertThat(out).contains("slipway> :run\n").contains("[up] web started")
        .contains("\n$ docker network create ").contains("\n$ docker run -d --name web ")
        .contains("paused in stage probe, ").contains("(failed: StepFailed");
    String ps = section(out, "probe:10> :ps\n");
    assertThat(ps).startsWith("NAME").contains("web").contains("running")
        .contains(IMAGE);
    assertThat(out).contains("probe:10> expected.length\n7\n");
    // explained in the Slipfile's terms: the container's name, not its id
    assertThat(section(out, ":exec web cat /etc/hostname\n")).endsWith("\nweb\n")
        .startsWith("$ docker exec web").doesNotContainPattern("exec [0-9a-f]{12}");
    assertThat(section(out, ":inspect web\n")).contains("name:     web\n")
        .contains("state:    running").contains("network:  replnet-");
    assertThat(section(out, ":logs web\n")).endsWith("web says hi\n");
    assertThat(section(out, ":exec nope true\n")).startsWith("no container `nope` in this "
        + "session; containers: web");
    assertThat(out).contains("run failed:");
    assertThat(section(out, "slipway> :ps\n")).as("containers stay after the run")
        .contains("web").contains("running");
    assertThat(out).contains("[up] removed container web-").contains("stage up succeeded");
    assertThat(r.code()).as(out + r.err()).isEqualTo(0);
    String left = DockerCleanupIT.docker("ps", "-aq", "--filter",
        "label=io.slipway.pipeline=" + pipeline).text().strip();
    String nets = DockerCleanupIT.docker("network", "ls", "-q", "--filter",
        "label=io.slipway.pipeline=" + pipeline).text().strip();
    assertThat(left + nets).as("nothing left behind").isEmpty();
  }

  @Test
  void breakOnFailureKeepsTheFailingStagesContainersUntilQuit() throws Exception {
    String pipeline = "repl-bof-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("%s") {
            stage("test") {
                val db = start(image = image("%s"), name = "db",
                               command = listOf("sleep", "600"))
                val rows = 3
                sh("exit 2")
            }
        }
        """.formatted(pipeline, IMAGE));
    var r = CliHarness.run(Map.of(), ":ps\nrows * db.name.length\n:quit\n",
        "run", "--break-on-failure", dir.resolve("Slipfile").toString());
    assertThat(r.out()).contains("paused in stage test, ").contains("(failed: StepFailed")
        .containsPattern("(?m)^db +running ").contains("\n6\n");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    String left = DockerCleanupIT.docker("ps", "-aq", "--filter",
        "label=io.slipway.pipeline=" + pipeline).text().strip();
    assertThat(left).as("quit removed the kept container").isEmpty();
  }

  /** The output printed after the echoed input {@code marker}, up to the next prompt. */
  private static String section(String out, String marker) {
    int at = out.indexOf(marker);
    assertThat(at).as("`" + marker.strip() + "` in\n" + out).isNotNegative();
    String rest = out.substring(at + marker.length());
    int next = rest.indexOf("> :");
    int line = next < 0 ? rest.length() : rest.lastIndexOf('\n', next) + 1;
    return rest.substring(0, line);
  }
}
