package io.slipway.api;

import io.slipway.check.CheckedProgram;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Severity;
import java.util.List;

/**
 * The outcome of {@link Slipway#check}: every diagnostic of the file and its imports, sorted as
 * users read them, and the checked program (present even when there are errors, for tools).
 */
public record CheckResult(List<Diagnostic> diagnostics, CheckedProgram program) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when nothing stops the program from running. */
  public boolean ok() {
    return program != null
        && diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }
}
