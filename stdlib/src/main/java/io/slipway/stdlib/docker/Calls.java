package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.engine.ResourceTracker;
import io.slipway.interp.Invocation;
import io.slipway.pipeline.StageContext;
import io.slipway.run.Run;
import io.slipway.value.Pair;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the Docker builtins: the run, the stage, argument conversions. */
final class Calls {
  private Calls() {}

  static Run run(CallContext cx) {
    return cx.run();
  }

  /**
   * The run's Docker session on the engine of this call: the innermost {@code on(engine)}
   * block's, else the default engine.
   */
  static DockerSession session(CallContext cx) {
    return DockerSession.of(run(cx), cx.service(io.slipway.engine.EngineTarget.class));
  }

  /** The run's Docker session on {@code engine} (null: the default one), where an object lives. */
  static DockerSession session(CallContext cx, io.slipway.engine.EngineTarget engine) {
    return DockerSession.of(run(cx), engine);
  }

  /** The current stage's context, or null at the top level. */
  static StageContext stage(CallContext cx) {
    return cx.service(StageContext.class);
  }

  static String stageName(CallContext cx) {
    return cx.stageName();
  }

  /**
   * Tracks a resource the call created, living until the run ends: its removal is registered
   * in the call's innermost cleanup scope (a failed retry attempt removes it before the next).
   */
  static void track(CallContext cx, DockerSession s, ResourceTracker.Kind kind, String id,
      String name) {
    s.tracker().created(cx.scope(), kind, id, name, cx.stageName());
  }

  /** Output of a step in the current stage. */
  static Output output(CallContext cx, boolean quiet) {
    Run run = run(cx);
    return new Output(run.events(), run.masker(), stageName(cx), quiet);
  }

  /** {@code String} runs through {@code sh -c}; {@code List<String>} is an argument vector. */
  static List<String> command(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return List.of("sh", "-c", s);
    }
    List<String> argv = new ArrayList<>();
    for (Object o : (List<?>) value) {
      argv.add(String.valueOf(o));
    }
    return argv;
  }

  /** How a command is shown in messages. */
  static String display(Object command) {
    return command instanceof String s ? s : String.join(" ", command(command));
  }

  /** An env map whose values are {@code String} or {@code Secret}; secrets revealed. */
  static Map<String, String> env(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), reveal(v)));
    } else if (value instanceof List<?> pairs) {
      for (Object o : pairs) {
        Pair p = (Pair) o;
        out.put(String.valueOf(p.first()), reveal(p.second()));
      }
    }
    return out;
  }

  /** The environment of enclosing {@code withEnv} blocks. */
  static Map<String, String> dynamicEnv(CallContext cx) {
    return env(Invocation.of(cx).dynamicEnv());
  }

  static String reveal(Object v) {
    return v instanceof SecretValue s ? s.reveal() : String.valueOf(v);
  }

  static Duration duration(Object v) {
    return (Duration) v;
  }

  static int toInt(Object v) {
    return ((Long) v).intValue();
  }

  /** An image argument ({@code String} reference or {@code Image}) as messages name it. */
  static String imageRef(Object image) {
    return image instanceof ImageValue i ? i.ref() : String.valueOf(image);
  }

  /**
   * An image argument as the engine should run it: an {@code Image}'s id when known (the image
   * it was built or pulled as, even if another run has moved its tag since), else its reference.
   */
  static String engineImage(Object image) {
    return image instanceof ImageValue i && i.id() != null ? i.id() : imageRef(image);
  }

  static SlipException stepFailed(String message, io.slipway.value.ExecResult result) {
    return new SlipException(new io.slipway.value.ErrorValue("StepFailed", message, result));
  }
}
