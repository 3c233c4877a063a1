package io.slipway.syntax;

import io.slipway.diag.Diagnostic;
import io.slipway.syntax.ast.Program;
import java.util.List;

/**
 * The outcome of parsing one file: always a program (possibly with {@code Error} nodes where
 * recovery happened) and every syntax error found.
 *
 * @param incomplete true when the only problems are that input ended too early, which the REPL
 *     answers by asking for another line
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics, boolean incomplete) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }
}
