package io.slipway.builtin;

import io.slipway.diag.Diagnostic;

/**
 * A structural error a builtin finds while building the plan (a stage name built from a
 * template that collides, a {@code needs} naming no stage): reported as a diagnostic with the
 * checker's code, and nothing runs. Not catchable by Slipway code; the interpreter passes it
 * through builtin calls untouched. Part of the builtin SPI so that the interpreter need not know
 * the pipeline package.
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
