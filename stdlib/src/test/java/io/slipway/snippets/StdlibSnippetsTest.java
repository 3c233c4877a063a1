package io.slipway.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden runs of the standard library ({@code snippets/stdlib/*.slip}), with the rules of
 * {@link GoldenSnippets} (the snippets write files, so they run in a temporary copy).
 */
class StdlibSnippetsTest {
  private static final GoldenSnippets SNIPPETS =
      new GoldenSnippets(Path.of("src/test/snippets/stdlib"), "slipway-stdlib-snippets");

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
