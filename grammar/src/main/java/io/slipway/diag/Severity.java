package io.slipway.diag;

/** How serious a diagnostic is. Only errors stop a run. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
