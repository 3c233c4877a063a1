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

  /** A loader for snippets without imports (the REPL, unit tests): every import is missing. */
  static ModuleLoader none() {
    return (importer, path, out) -> Optional.empty();
  }
}
