package io.slipway.api;

import io.slipway.check.CheckedProgram;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Redaction;
import io.slipway.diag.Severity;
import io.slipway.run.SecretMasker;
import java.util.List;

/**
 * The outcome of {@link Slipway#check}: every diagnostic of the file and its imports, sorted as
 * users read them, and the checked program (present even when there are errors, for tools).
 *
 * @param secrets every secret known for the file (its {@code .slipway/secrets} values, the
 *     environment values of the secrets it names), masked with control sequences in its
 *     diagnostics by {@link #renderer}
 */
public record CheckResult(List<Diagnostic> diagnostics, CheckedProgram program,
    Redaction secrets) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
    secrets = secrets == null ? new SecretMasker() : secrets;
  }

  /** A result that knows no secret (tools, tests). */
  public CheckResult(List<Diagnostic> diagnostics, CheckedProgram program) {
    this(diagnostics, program, null);
  }

  /** True when nothing stops the program from running. */
  public boolean ok() {
    return program != null
        && diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The renderer for this file's diagnostics: secrets masked in messages and source lines. */
  public DiagnosticRenderer renderer(boolean color) {
    return new DiagnosticRenderer(color).masking(secrets);
  }
}
