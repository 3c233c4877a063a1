package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.DiagnosticRenderer;
import io.slipway.source.SourceFile;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code parser/*.slip} → {@code *.sexpr}: the AST of every construct, as an S-expression. */
class ParserGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/parser");

  @TestFactory
  Stream<DynamicTest> parserGoldens() {
    return Goldens.tests(DIR, ".sexpr", input -> {
      SourceFile file = SourceFile.of(input.getFileName().toString(), Goldens.read(input));
      ParseResult result = SlipParser.parse(file);
      assertThat(new DiagnosticRenderer(false).render(result.diagnostics()))
          .as("a parser golden must parse cleanly").isEmpty();
      return AstPrinter.toSexpr(result.program());
    });
  }
}
