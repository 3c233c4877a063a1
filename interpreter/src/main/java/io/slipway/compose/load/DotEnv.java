package io.slipway.compose.load;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The project directory's {@code .env}: the last source of variables (after {@code env} and the process). */
final class DotEnv {
  private DotEnv() {}

  static Map<String, String> read(Path file, String shown, List<Diagnostic> out, Function<String, String> outside) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      out.add(Diagnostic.error(Code.E0708, SourceFile.of(shown, ""), new Span(0, 0), "cannot read " + shown + ": " + e.getMessage()));
      return Map.of();
    }
    try {
      return EnvFiles.parse(text, outside);
    } catch (EnvFiles.BadLine b) {
      SourceFile f = SourceFile.of(shown, text);
      int off = f.lineStarts()[Math.min(b.line, f.lineCount()) - 1];
      out.add(Diagnostic.error(Code.E0704, f, new Span(off, off), ".env: " + b.getMessage()));
      return Map.of();
    }
  }
}
