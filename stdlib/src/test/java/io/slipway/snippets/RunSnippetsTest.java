package io.slipway.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden run tests of the language and pipeline DSL: every {@code snippets/run/<area>/<name>.slip}
 * (files under a {@code lib/} folder are imported, not run), with the rules of
 * {@link GoldenSnippets}.
 */
class RunSnippetsTest {
  private static final GoldenSnippets SNIPPETS =
      new GoldenSnippets(Path.of("src/test/snippets/run"), "slipway-run-snippets");

  @BeforeAll
  static void copyTree() throws IOException {
    SNIPPETS.copyTree();
  }

  @AfterAll
  static void deleteTree() throws IOException {
    SNIPPETS.deleteTree();
  }

  @TestFactory
  Stream<DynamicTest> snippets() throws IOException {
    return SNIPPETS.tests();
  }
}
