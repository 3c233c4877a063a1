package io.slipway.syntax;

import io.slipway.diag.DiagnosticRenderer;
import io.slipway.source.SourceFile;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code syntax-errors/*.slip} → {@code *.err}: the fully rendered diagnostics (no colour), so
 * codes, messages, spans and carets are tested together; the last line tells whether the REPL
 * would ask for more input.
 */
class SyntaxErrorGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/syntax-errors");

  @TestFactory
  Stream<DynamicTest> syntaxErrorGoldens() {
    return Goldens.tests(DIR, ".err", input -> {
      SourceFile file = SourceFile.of(input.getFileName().toString(), Goldens.read(input));
      ParseResult result = SlipParser.parse(file);
      return new DiagnosticRenderer(false).render(result.diagnostics())
          + "incomplete: " + result.incomplete() + "\n";
    });
  }
}
