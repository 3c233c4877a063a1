package io.slipway.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The tutorial ({@code docs/tutorial.md}) and its solutions ({@code docs/tutorial/*.slip}). */
final class TutorialFiles {
  private TutorialFiles() {}

  static Path dir() {
    return ExampleFiles.repository().resolve("docs/tutorial");
  }

  static Path text() {
    return ExampleFiles.repository().resolve("docs/tutorial.md");
  }

  /** Every solution, in exercise order. */
  static List<Path> solutions() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".slip")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
