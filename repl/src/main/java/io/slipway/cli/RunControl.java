package io.slipway.cli;

import io.slipway.run.Run;

/**
 * Connects the signal handler to the run: the facade hands over the run's {@link Run} when
 * it starts; a cancel that arrives before that is applied as soon as it does.
 */
final class RunControl {
  private Run state;
  private String pendingCancel;

  synchronized void attach(Run run) {
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
