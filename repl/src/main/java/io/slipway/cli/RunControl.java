package io.slipway.cli;

import io.slipway.run.RunState;

/**
 * Connects the signal handler to the run: the facade hands over the run's {@link RunState} when
 * it starts; a cancel that arrives before that is applied as soon as it does.
 */
final class RunControl {
  private RunState state;
  private String pendingCancel;

  synchronized void attach(RunState run) {
    this.state = run;
    if (pendingCancel != null) {
      run.cancel(pendingCancel);
    }
  }

  synchronized void cancel(String reason) {
    if (state != null) {
      state.cancel(reason);
    } else {
      pendingCancel = reason;
    }
  }
}
