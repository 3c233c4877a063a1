package io.slipway.check;

import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Program;
import java.util.Optional;

/**
 * Finds and parses an imported file. Implementations report syntax errors of the imported file
 * into {@code out}; an empty result means the file does not exist (the checker reports E0501).
 */
public interface ModuleLoader {
  Optional<Program> load(SourceFile importer, String path, Diagnostics out);

  /**
   * Why {@code path} may not be imported from {@code importer} (a sentence for error E0507),
   * or null when it may. Asked before {@link #load}, so a refused file is never read.
   */
  default String refusal(SourceFile importer, String path) {
    return null;
  }

  /** A loader for snippets without imports (the REPL, unit tests): every import is missing. */
  static ModuleLoader none() {
    return (importer, path, out) -> Optional.empty();
  }
}
