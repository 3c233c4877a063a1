package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.interp.Evaluator;
import io.slipway.interp.Invocation;
import io.slipway.pipeline.Deadline;
import io.slipway.pipeline.PipelineDsl;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.List;

/**
 * Steps that wrap a block: {@code retry}, {@code timeout}, {@code waitUntil}, {@code withEnv}.
 * {@code retry}, {@code timeout} and {@code withEnv} return the value of their block.
 */
public final class ControlSteps implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Control flow");
    d.fn("retry").typeParams("T").param("times", "Int")
        .param("delay", "Duration", Duration.ZERO, "0.ms")
        .param("backoff", "Double", 1.0, "1.0")
        .param("block", "() -> T").returns("T")
        .doc("Runs the block until it succeeds, at most `times` attempts, and returns its "
            + "value; after the last failed attempt its error is raised. Each attempt starts "
            + "clean: what a failed attempt created (containers, networks, volumes, services, "
            + "image tags) is removed before the next one starts, so the same names work again. "
            + "Between attempts it waits `delay`, multiplied by `backoff` after each further "
            + "failure (`retry(4, delay = 1.seconds, backoff = 2.0)` waits 1s, 2s, 4s), and logs "
            + "why: `attempt 1 of 4 failed: StepFailed: ...; retrying in 1s`. A timeout or a "
            + "cancellation is never retried.")
        .impl((cx, r, a) -> Retry.run(cx, (Long) a[0], (Duration) a[1], (Double) a[2], a[3]));
    d.fn("timeout").typeParams("T").param("duration", "Duration").param("block", "() -> T")
        .returns("T")
        .doc("Runs the block and returns its value; when it takes longer than `duration` it is "
            + "interrupted (commands are killed) with a `Timeout` error.")
        .impl((cx, r, a) -> timeout(cx, (Duration) a[0], a[1]));
    d.fn("waitUntil")
        .param("timeout", "Duration", Duration.ofSeconds(30), "30.seconds")
        .param("every", "Duration", Duration.ofSeconds(1), "1.seconds")
        .param("condition", "() -> Bool").effects(Effect.WAIT)
        .doc("Evaluates the condition every `every` until it is true; fails with `Timeout` "
            + "when it is still false after `timeout`. An error inside the condition (a refused "
            + "connection, a container not up yet) counts as \"not yet\": polling goes on, and "
            + "the last such error is part of the `Timeout` message if the deadline passes.")
        .impl((cx, r, a) -> waitUntil(cx, (Duration) a[0], (Duration) a[1], a[2]));
    d.fn("withEnv").typeParams("T").vararg("vars", "Pair<String, String | Secret>")
        .param("block", "() -> T").returns("T")
        .doc("Runs the block with extra environment variables for every command it starts "
            + "(values may be secrets), and returns its value.")
        .impl((cx, r, a) -> Invocation.of(cx).withEnv(PipelineDsl.pairs((List<?>) a[0]),
            () -> cx.invoke(a[1], List.of())));
  }

  @SuppressWarnings("try") // the deadline is armed for the block, never read
  private static Object timeout(CallContext cx, Duration d, Object block) {
    Evaluator ev = Invocation.of(cx).evaluator();
    try (Deadline dl = Deadline.arm(ev, d,
        () -> new SlipException("Timeout", "timed out after " + Values.showDuration(d)))) {
      return cx.invoke(block, List.of());
    }
  }

  private static Object waitUntil(CallContext cx, Duration timeout, Duration every,
      Object condition) throws InterruptedException {
    Evaluator ev = Invocation.of(cx).evaluator();
    long deadline = System.nanoTime() + timeout.toNanos();
    SlipException lastError = null;
    while (true) {
      try {
        // an error of the condition is handled here: no on-failure debugger stop
        if (Boolean.TRUE.equals(cx.catching(() -> cx.invoke(condition, List.of())))) {
          return Unit.INSTANCE;
        }
        lastError = null;
      } catch (SlipException e) {
        if (ev.isLiveInterrupt(e) || e.infrastructure()) {
          throw e; // a timeout around waitUntil, or an engine that cannot be reached
        }
        lastError = e;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SlipException("Timeout", "condition still "
            + (lastError == null ? "false" : "failing")
            + " after " + Values.showDuration(timeout)
            + (lastError == null ? "" : "; last error: " + lastError.error().type() + ": "
                + lastError.error().message()));
      }
      Thread.sleep(Duration.ofNanos(Math.min(left, Math.max(1, every.toNanos()))));
    }
  }
}
