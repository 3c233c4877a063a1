package io.slipway.pipeline;

import io.slipway.diag.Diagnostic;

/**
 * A structural error found while building the plan (a stage name built from a template that
 * collides, a {@code needs} naming no stage): reported as a diagnostic with the checker's code,
 * and nothing runs. Not catchable by Slipway code.
 */
public final class PlanException extends RuntimeException {
  private final Diagnostic diagnostic;

  public PlanException(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
