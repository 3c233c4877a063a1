package io.slipway.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * One golden snippet folder: every {@code <name>.slip} below it (files under a {@code lib/}
 * folder are imported, not run) is checked and run through the facade in a temporary copy of the
 * folder, so that files the snippets write and build numbers under {@code .slipway/} never land
 * in the sources. Its rendered outcome must equal {@code <name>.out} (a successful run) or
 * {@code <name>.err} (check diagnostics, or the transcript of a failed run) — never both. A
 * missing expectation is written and the test fails; {@code -Dsnippets.overwrite=true} rewrites
 * them. No snippet may contact a container engine. A test class names its folder and inherits
 * the rest (one instance per class, so the copy is made once for all its snippets).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoldenSnippets {
  private final Path source;
  private final String tempPrefix;
  private Path work;

  GoldenSnippets(Path source, String tempPrefix) {
    this.source = source;
    this.tempPrefix = tempPrefix;
  }

  /** Copies the folder (without {@code .slipway/} state) to a fresh temporary directory. */
  @BeforeAll
  void copyTree() throws IOException {
    work = Files.createTempDirectory(tempPrefix);
    try (Stream<Path> s = Files.walk(source)) {
      for (Path p : s.toList()) {
        if (p.toString().contains(".slipway")) {
          continue;
        }
        Path target = work.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @AfterAll
  void deleteTree() throws IOException {
    try (Stream<Path> s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One dynamic test per snippet, named by its path relative to the folder. */
  @TestFactory
  Stream<DynamicTest> snippets() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(source)) {
      files = s.filter(p -> p.toString().endsWith(".slip"))
          .filter(p -> !relative(p).contains("lib/"))
          .sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(relative(f), () -> check(f)));
  }

  private String relative(Path file) {
    return source.relativize(file).toString().replace('\\', '/');
  }

  private void check(Path file) throws IOException {
    String rel = relative(file);
    SnippetRun run = SnippetRun.run(work.resolve(rel), rel);
    String actual = run.render(work);
    String base = file.toString().replaceAll("\\.slip$", "");
    Path out = Path.of(base + ".out");
    Path err = Path.of(base + ".err");
    Path expected = run.failed() ? err : out;
    Path other = run.failed() ? out : err;
    boolean overwrite = Boolean.getBoolean("snippets.overwrite");
    if (overwrite || !Files.exists(expected)) {
      Files.deleteIfExists(other);
      Files.writeString(expected, actual);
      assertThat(overwrite).as("expectation written to " + expected + "; review it and run again")
          .isTrue();
      return;
    }
    assertThat(Files.exists(other)).as("both " + out + " and " + err + " exist, or the outcome "
        + "changed from " + other.getFileName()).isFalse();
    assertThat(actual).as("outcome of " + rel).isEqualTo(Files.readString(expected));
    assertThat(run.engineCalls.get()).as("snippets never contact a container engine").isZero();
  }
}
