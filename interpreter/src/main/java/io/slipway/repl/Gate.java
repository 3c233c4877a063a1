package io.slipway.repl;

import io.slipway.debug.DebugPoint;
import io.slipway.debug.Debugger;
import io.slipway.interp.Cancelled;
import io.slipway.value.SlipException;

/**
 * The debugger one run's interpreter calls: the session's {@code StepController}, until the run
 * is abandoned ({@code :reload} or {@code :rerun} while it is paused, a new {@code :run}); from
 * then on every point the run's threads reach ends what they do, so that the abandoned
 * scheduler winds down at its next statement without touching the run's shared state (its
 * cleanup scope, its cancellation), which the replacement goes on using.
 */
final class Gate implements Debugger {
  private final Debugger inner;
  private volatile boolean abandoned;

  Gate(Debugger inner) {
    this.inner = inner;
  }

  void abandon() {
    abandoned = true;
  }

  boolean abandoned() {
    return abandoned;
  }

  @Override
  public void before(DebugPoint point) {
    if (abandoned) {
      throw new Cancelled("replaced in the REPL");
    }
    inner.before(point);
    if (abandoned) {
      throw new Cancelled("replaced in the REPL");
    }
  }

  @Override
  public void onFailure(DebugPoint point, SlipException error) {
    if (!abandoned) {
      inner.onFailure(point, error);
    }
  }
}
