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

/**
 * Golden run tests: every {@code run/<area>/<name>.slip} (files under a {@code lib/} folder are
 * imported, not run) is checked and run through the facade, and its rendered outcome must equal
 * {@code <name>.out} (a successful run: echo lines and stage results) or {@code <name>.err}
 * (check diagnostics, or the transcript of a failed run with the rendered error) — never both.
 * A missing expectation is written and the test fails; {@code -Dsnippets.overwrite=true}
 * rewrites them. Snippets run in a temporary copy of the tree so that build numbers and other
 * state under {@code .slipway/} never land in the sources.
 */
class RunSnippetsTest {
  private static final Path SOURCE = Path.of("src/test/snippets/run");
  private static Path work;

  @BeforeAll
  static void copyTree() throws IOException {
    work = Files.createTempDirectory("slipway-run-snippets");
    try (Stream<Path> s = Files.walk(SOURCE)) {
      for (Path p : s.toList()) {
        if (p.toString().contains(".slipway")) {
          continue;
        }
        Path target = work.resolve(SOURCE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @AfterAll
  static void deleteTree() throws IOException {
    try (Stream<Path> s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @TestFactory
  Stream<DynamicTest> snippets() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(SOURCE)) {
      files = s.filter(p -> p.toString().endsWith(".slip"))
          .filter(p -> !SOURCE.relativize(p).toString().replace('\\', '/').contains("lib/"))
          .sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(
        SOURCE.relativize(f).toString().replace('\\', '/'), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String rel = SOURCE.relativize(file).toString().replace('\\', '/');
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
