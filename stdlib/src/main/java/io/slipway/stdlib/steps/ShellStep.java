package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.interp.Invocation;
import io.slipway.pipeline.CommandRunner;
import io.slipway.pipeline.CommandRunners;
import io.slipway.pipeline.StageContext;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.stdlib.Library;
import io.slipway.value.ExecResult;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sh}: runs a command on the host (in the pipeline directory) or, in a stage with an
 * agent, in the agent container, through {@link CommandRunner}. Output streams to the log line
 * by line unless {@code quiet}; a non-zero exit code is a {@code StepFailed} unless
 * {@code check = false}.
 */
public final class ShellStep implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Steps");
    d.fn("sh").param("command", "String | List<String>")
        .param("check", "Bool", true, "true")
        .param("quiet", "Bool", false, "false")
        .param("env", "Map<String, String | Secret>", Map.of(), "mapOf()")
        .returns("ExecResult").effects(Effect.HOST)
        .doc("Runs a command: a `String` through `sh -c`, or a `List<String>` as an argument "
            + "vector. Without an agent it runs on the host in the pipeline directory; with "
            + "one, in the stage's agent container at `/workspace`. The environment holds the "
            + "pipeline's, the stage's and enclosing `withEnv` variables plus `env`. Output "
            + "streams to the log unless `quiet`; a non-zero exit fails with `StepFailed` "
            + "unless `check = false`.")
        .impl((cx, r, a) -> sh(cx, a[0], (Boolean) a[1], (Boolean) a[2], (Map<?, ?>) a[3]));
  }

  private static Object sh(CallContext cx, Object command, boolean check, boolean quiet,
      Map<?, ?> extra) throws InterruptedException {
    Invocation inv = Invocation.of(cx);
    Run run = cx.run();
    StageContext stage = cx.service(StageContext.class);
    Map<String, Object> vars = new LinkedHashMap<>();
    if (stage != null) {
      vars.putAll(stage.env());
    }
    vars.putAll(inv.dynamicEnv());
    extra.forEach((k, v) -> vars.put(Values.show(k), v));
    Map<String, String> env = StageContext.reveal(vars);
    CommandRunner.Command c = switch (command) {
      case String s -> new CommandRunner.Command(s, null, env, run.dir());
      case List<?> l -> {
        if (l.isEmpty()) {
          throw SlipException.error("`sh` needs a non-empty argument vector");
        }
        yield new CommandRunner.Command(null, l.stream().map(Values::show).toList(), env,
            run.dir());
      }
      default -> throw SlipException.error("`sh` needs a String or a List<String>");
    };
    CommandRunner runner = stage != null ? stage.commandRunner(cx.service(io.slipway.engine.EngineTarget.class))
        : CommandRunners.of(run).host();
    String stageName = stage == null ? null : stage.name();
    ExecResult result = runner.run(c, (stream, line) -> {
      if (!quiet) {
        run.events().emit(new Event.Log(Instant.now(), stageName, stream, line));
      }
    });
    if (check && result.exitCode() != 0) {
      throw ErrorTypes.stepFailed(c.display(), result);
    }
    return result;
  }
}
