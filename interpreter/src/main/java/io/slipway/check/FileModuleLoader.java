package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads imports from the file system, relative to the importing file, and parses them; syntax
 * errors of the imported file go to the same diagnostics. The name shown in diagnostics is the
 * importer's display name with the import path resolved against it, so messages read
 * {@code examples/app/lib/common.slip:3:5: ...}.
 */
public final class FileModuleLoader implements ModuleLoader {

  @Override
  public Optional<Program> load(SourceFile importer, String path, Diagnostics out) {
    Path base = importer.path() != null ? importer.path() : Path.of(importer.name());
    Path file = base.resolveSibling(path).normalize();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String display = Path.of(importer.name()).resolveSibling(path).normalize().toString().replace('\\', '/');
    SourceFile source;
    try {
      source = SourceFile.read(file, display);
    } catch (IOException e) {
      SourceFile empty = SourceFile.of(display, "");
      out.add(Diagnostic.error(Code.E0501, empty, Span.NONE, "cannot read imported file `" + display + "`: "
          + e.getMessage()));
      return Optional.of(new Program(Span.NONE, empty, java.util.List.of()));
    }
    ParseResult parsed = SlipParser.parse(source);
    out.addAll(parsed.diagnostics());
    return Optional.of(parsed.program());
  }
}
