package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.interp.Invocation;
import io.slipway.pipeline.StageContext;
import io.slipway.run.Event;
import io.slipway.run.RunState;
import java.time.Instant;

/** Small helpers shared by the step builtins: the current stage and log output. */
final class StepSupport {
  private StepSupport() {}

  static RunState run(CallContext cx) {
    return Invocation.of(cx).runState();
  }

  /** The current stage's name, or null outside stages. */
  static String stageName(CallContext cx) {
    StageContext s = Invocation.of(cx).stage();
    return s == null ? null : s.name();
  }

  /** Emits each line of {@code text} as a log event of the current stage. */
  static void log(CallContext cx, Event.Stream stream, String text) {
    RunState run = run(cx);
    String stage = stageName(cx);
    for (String line : text.split("\n", -1)) {
      run.events().emit(new Event.Log(Instant.now(), stage, stream, line));
    }
  }
}
