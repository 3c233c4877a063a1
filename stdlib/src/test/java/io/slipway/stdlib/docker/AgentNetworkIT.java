package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's agent reaches the stage's services by name: it joins the networks created in its
 * stage (before or after it started) and those created outside any stage, as a GitHub Actions
 * job reaches its service containers.
 */
class AgentNetworkIT {
  /** A busybox web server answering {@code GET /} with {@code text} on {@code port}. */
  private static String server(String text, int port) {
    return "\"mkdir -p /www && echo " + text + " > /www/index.html && httpd -f -p " + port + " -h /www\"";
  }

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void theAgentReachesServicesOnItsStagesNetworksByName(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        val shared = network("shared")

        pipeline("agent-networks") {
            agent(image = "%1$s")
            stage("before") {
                val net = network("backend")
                service("cache", image = "%1$s", network = net, command = %2$s, waitFor = tcp(6379))
                echo("before: " + sh("wget -q -O - http://cache:6379/", quiet = true).stdout.trim())
            }
            stage("after") {
                sh("echo the agent is up")
                val net = network("late")
                service("db", image = "%1$s", network = net, command = %3$s, waitFor = tcp(5432))
                echo("after: " + sh("wget -q -O - http://db:5432/", quiet = true).stdout.trim())
            }
            stage("pipeline-level") {
                service("registry", image = "%1$s", network = shared, command = %4$s, waitFor = tcp(5000))
                echo("shared: " + sh("wget -q -O - http://registry:5000/", quiet = true).stdout.trim())
            }
            stage("other-stage") {
                // the networks of other stages are not this agent's
                echo("other: " + sh("wget -q -T 2 -O - http://db:5432/ 2>&1 || echo unreachable", quiet = true).stdout.trim())
            }
        }
        """.formatted(PipelineRun.IMAGE, server("from-cache", 6379), server("from-db", 5432),
        server("from-registry", 5000)));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("before: from-cache", "after: from-db", "shared: from-registry");
    // (the static busybox's wget may crash on a failed name lookup rather than print an error)
    assertThat(run.log()).containsPattern("(?s)other: .*unreachable").doesNotContain("other: from-db");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }
}
