package io.slipway.pipeline;

import io.slipway.interp.Evaluator;
import io.slipway.run.PausableClock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Interrupts an evaluator with a reason (a {@code Timeout} error, a cancellation) once a
 * duration of the run's clock has passed, unless disarmed first. The run's clock stands still
 * while a debugger holds the run paused, so a breakpoint never makes a stage time out. A waiting
 * virtual thread keeps the time, so arming costs almost nothing.
 */
public final class Deadline implements AutoCloseable {
  private final Evaluator target;
  private final Thread timer;
  private volatile RuntimeException fired;
  private volatile boolean disarmed;

  private Deadline(Evaluator target, PausableClock clock, Duration after,
      Supplier<RuntimeException> reason) {
    this.target = target;
    long until = clock.nanos() + after.toNanos();
    this.timer = Thread.ofVirtual().name("slipway-deadline").start(() -> {
      try {
        clock.sleepUntil(until);
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

  /**
   * Arms a deadline on {@code target}, which is interrupted with {@code reason} when
   * {@code after} of its run's clock has passed.
   */
  public static Deadline arm(Evaluator target, Duration after, Supplier<RuntimeException> reason) {
    return new Deadline(target, target.interpreter().run().clock(), after, reason);
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
