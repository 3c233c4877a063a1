package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.run.Event;
import io.slipway.run.Run;
import java.time.Instant;

/** Small helpers shared by the step builtins: the current stage and log output. */
final class StepSupport {
  private StepSupport() {}

  static Run run(CallContext cx) {
    return cx.run();
  }

  /** The current stage's name, or null outside stages. */
  static String stageName(CallContext cx) {
    return cx.stageName();
  }

  /** Emits each line of {@code text} as a log event of the current stage. */
  static void log(CallContext cx, Event.Stream stream, String text) {
    Run run = run(cx);
    String stage = stageName(cx);
    for (String line : text.split("\n", -1)) {
      run.events().emit(new Event.Log(Instant.now(), stage, stream, line));
    }
  }
}
