package io.slipway.pipeline;

import io.slipway.interp.Evaluator;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Interrupts an evaluator with a reason (a {@code Timeout} error, a cancellation) once a
 * duration has passed, unless disarmed first. A sleeping virtual thread keeps the time, so
 * arming costs almost nothing.
 */
public final class Deadline implements AutoCloseable {
  private final Evaluator target;
  private final Thread timer;
  private volatile RuntimeException fired;
  private volatile boolean disarmed;

  private Deadline(Evaluator target, Duration after, Supplier<RuntimeException> reason) {
    this.target = target;
    this.timer = Thread.ofVirtual().name("slipway-deadline").start(() -> {
      try {
        Thread.sleep(after);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (!disarmed) {
          fired = reason.get();
          target.interrupt(fired);
        }
      }
    });
  }

  /** Arms a deadline on {@code target}, which is interrupted with {@code reason} when it passes. */
  public static Deadline arm(Evaluator target, Duration after, Supplier<RuntimeException> reason) {
    return new Deadline(target, after, reason);
  }

  /** True when the deadline passed before it was disarmed. */
  public boolean fired() {
    return fired != null;
  }

  /** Disarms the deadline; an interruption that fired but was not yet seen is withdrawn. */
  @Override
  public void close() {
    synchronized (this) {
      disarmed = true;
    }
    timer.interrupt();
    RuntimeException f = fired;
    if (f != null) {
      target.clearInterrupt(f);
    }
  }
}
