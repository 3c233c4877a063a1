package io.slipway.run;

/** The outcome of a run, a stage or a step. */
public enum Status {
  PENDING, RUNNING, SUCCESS, FAILED, SKIPPED, CANCELLED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
