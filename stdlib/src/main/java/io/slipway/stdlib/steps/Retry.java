package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.interp.Evaluator;
import io.slipway.interp.Invocation;
import io.slipway.run.Event;
import io.slipway.scope.ResourceScope;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.List;

/**
 * The {@code retry(times, delay, backoff) { }} step. Each attempt runs in a cleanup scope of
 * its own, a child of the caller's ({@link ResourceScope.Kind#BLOCK}): a failed attempt's scope
 * is closed (everything it created removed, last first) before the next attempt starts, so a
 * fixed container or network name is free again; a successful attempt's scope commits, handing
 * what it created to the enclosing scope.
 */
final class Retry {
  private Retry() {}

  static Object run(CallContext cx, long times, Duration delay, double backoff, Object block)
      throws InterruptedException {
    if (times < 1) {
      throw SlipException.error("retry needs at least 1 attempt, got " + times);
    }
    if (delay.isNegative()) {
      throw SlipException.error("retry delay must not be negative, got "
          + Values.showDuration(delay));
    }
    if (!(backoff >= 1.0) || Double.isInfinite(backoff)) {
      throw SlipException.error("retry backoff must be a finite number >= 1.0, got " + backoff);
    }
    Evaluator ev = Invocation.of(cx).evaluator();
    Duration wait = delay;
    for (long i = 1; ; i++) {
      boolean last = i == times;
      ResourceScope scope = cx.scope().child(ResourceScope.Kind.BLOCK, "retry attempt " + i);
      Object value;
      try {
        // an attempt followed by another handles its own error: no on-failure debugger stop
        value = cx.inScope(scope, () -> last ? cx.invoke(block, List.of())
            : cx.catching(() -> cx.invoke(block, List.of())));
      } catch (SlipException e) {
        end(cx, scope, false);
        if (last || ev.isLiveInterrupt(e)) {
          throw e;
        }
        StepSupport.log(cx, Event.Stream.INFO, "attempt " + i + " of " + times + " failed: "
            + e.error().type() + ": " + e.error().message() + "; retrying"
            + (wait.isZero() ? " now" : " in " + Values.showDuration(wait)));
        if (!wait.isZero()) {
          cx.run().clock().sleep(wait); // stands still while a debugger holds the run
        }
        wait = next(wait, backoff);
        continue;
      } catch (RuntimeException e) {
        end(cx, scope, false); // cancelled or interrupted: nothing of the attempt is kept
        throw e;
      }
      end(cx, scope, true);
      return value;
    }
  }

  /** {@code wait * backoff}, capped at a day so that a long series cannot overflow. */
  static Duration next(Duration wait, double backoff) {
    double nanos = Math.min(wait.toNanos() * backoff, Duration.ofDays(1).toNanos());
    return Duration.ofNanos((long) nanos);
  }

  /**
   * Ends an attempt's scope (commit after success, discard after failure) with the thread's
   * interrupt flag cleared, so that the engine calls removing resources are not cut short by an
   * interruption that already ended the attempt; the flag is restored afterwards.
   */
  private static void end(CallContext cx, ResourceScope scope, boolean commit) {
    boolean interrupted = Thread.interrupted();
    try {
      List<String> failures = commit ? scope.commit() : scope.close();
      for (String f : failures) {
        StepSupport.log(cx, Event.Stream.STDERR, "cleanup failed: " + f);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
