package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import io.slipway.value.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent hook: a stage with {@code agent(...)} runs {@code sh} through the installed
 * {@link AgentRunner}, opened once per stage with the image, and what it registers in the
 * attempt's scope runs when the stage ends. Stages without an agent stay on the host.
 */
class AgentHookTest {
  @TempDir Path dir;

  @Test
  void stageWithAgentRunsCommandsThroughTheHook() throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    AgentRunner fake = (image, stage) -> {
      calls.add("open " + image + " for " + stage.name());
      stage.scope().onClose("agent", () -> calls.add("remove agent of " + stage.name()));
      return (command, output) -> {
        calls.add("exec " + command.display() + " env=" + command.env().get("LEVEL")
            + " dir=" + command.workdir().equals(dir.toAbsolutePath().normalize()));
        output.line(Event.Stream.STDOUT, "from agent");
        return new ExecResult(0, "from agent\n", "", Duration.ZERO);
      };
    };
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("agents") {
            agent("builder:1")
            env("LEVEL" to "pipeline")
            stage("in-default-agent") {
                sh("make")
                sh("make test")
            }
            stage("in-own-agent") {
                agent("node:20")
                env("LEVEL" to "stage")
                echo(sh("npm test").stdout.trim())
            }
        }
        """, o -> o.withAgents(fake));
    assertThat(out.result().exitCode()).as(out.result().error()).isZero();
    assertThat(calls).containsExactly(
        "open builder:1 for in-default-agent",
        "exec make env=pipeline dir=true",
        "exec make test env=pipeline dir=true",
        "remove agent of in-default-agent",
        "open node:20 for in-own-agent",
        "exec npm test env=stage dir=true",
        "remove agent of in-own-agent");
    assertThat(out.logs("in-own-agent")).containsExactly("from agent", "from agent");
  }

  @Test
  void agentWithoutDockerSupportIsAClearError() throws Exception {
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        pipeline("agents") {
            stage("s") {
                agent("alpine")
                sh("true")
            }
        }
        """, o -> o.withAgents((image, stage) -> {
          throw io.slipway.value.SlipException.unavailable("cannot connect to the Docker engine");
        }));
    assertThat(out.result().exitCode()).isEqualTo(3);
    assertThat(out.result().error()).contains("EngineError: cannot connect to the Docker engine");
  }
}
