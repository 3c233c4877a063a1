package io.slipway.run;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The run's clock for deadlines (stage and pipeline timeouts, {@code timeout { }},
 * {@code waitUntil}): monotonic time that stands still while a debugger holds the run paused,
 * so that inspecting a stage at a breakpoint never makes it time out. Pauses nest (two stages
 * paused at once); time runs again when the last one ends. A lock rather than a monitor, so
 * that the virtual threads that keep deadlines never pin their carrier while waiting.
 */
public final class PausableClock {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long pausedTotal;
  private long pausedSince;
  private int pauses;

  /** Nanoseconds of running (unpaused) time since an arbitrary origin. */
  public long nanos() {
    lock.lock();
    try {
      long now = System.nanoTime();
      return now - pausedTotal - (pauses > 0 ? now - pausedSince : 0);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the clock until the matching {@link #resume()}. */
  public void pause() {
    lock.lock();
    try {
      if (pauses++ == 0) {
        pausedSince = System.nanoTime();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends one {@link #pause()}; the clock runs again when no pause remains. */
  public void resume() {
    lock.lock();
    try {
      if (pauses == 0) {
        throw new IllegalStateException("resume() without pause()");
      }
      if (--pauses == 0) {
        pausedTotal += System.nanoTime() - pausedSince;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean paused() {
    lock.lock();
    try {
      return pauses > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code d} of running time has passed (paused time does not count). */
  public void sleep(Duration d) throws InterruptedException {
    sleepUntil(nanos() + d.toNanos());
  }

  /** Waits until {@link #nanos()} reaches {@code deadline}. */
  public void sleepUntil(long deadline) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        if (pauses > 0) {
          changed.await();
          continue;
        }
        long left = deadline - nanos();
        if (left <= 0) {
          return;
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Running time left until {@code deadline}, never negative. */
  public Duration until(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - nanos()));
  }
}
