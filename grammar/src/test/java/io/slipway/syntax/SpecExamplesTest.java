package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.DiagnosticRenderer;
import io.slipway.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code example of spec §4–§10 (copied into {@code spec/}) and every Slipfile and
 * {@code *.slip} under the repository's {@code examples/} parses with no diagnostic. An example
 * that is broken on purpose has a sibling {@code <name>.errors} file and is skipped here.
 */
class SpecExamplesTest {

  @TestFactory
  Stream<DynamicTest> specExamplesParse() throws IOException {
    return parseAll(files(Path.of("src/test/resources/spec")));
  }

  @TestFactory
  Stream<DynamicTest> repositoryExamplesParse() throws IOException {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    if (!Files.isDirectory(examples)) {
      return Stream.empty();
    }
    return parseAll(files(examples));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/target/"))
          .filter(p -> p.getFileName().toString().endsWith(".slip")
              || p.getFileName().toString().equals("Slipfile"))
          .filter(p -> !Files.exists(p.resolveSibling(p.getFileName() + ".errors")))
          .sorted().toList();
    }
  }

  private static Stream<DynamicTest> parseAll(List<Path> files) {
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      ParseResult r = SlipParser.parse(SourceFile.read(f, f.getFileName().toString()));
      assertThat(new DiagnosticRenderer(false).render(r.diagnostics())).as(f.toString()).isEmpty();
    }));
  }
}
