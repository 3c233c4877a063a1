package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * Golden files: each {@code *.slip} input in a directory maps to an expectation with another
 * extension. A missing expectation is written and the test fails (so a new case is reviewed
 * once); {@code -Dsnippets.overwrite=true} rewrites every expectation.
 */
final class Goldens {
  static final boolean OVERWRITE = Boolean.getBoolean("snippets.overwrite");

  private Goldens() {}

  /** One dynamic test per input file in {@code dir}, comparing {@code render(input)}. */
  static Stream<DynamicTest> tests(Path dir, String expectedExtension,
      Function<Path, String> render) {
    List<Path> inputs;
    try (Stream<Path> files = Files.list(dir)) {
      inputs = files.filter(p -> p.toString().endsWith(".slip")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(inputs).as("inputs in " + dir).isNotEmpty();
    return inputs.stream().map(input -> DynamicTest.dynamicTest(
        input.getFileName().toString(), check(input, expectedExtension, render)));
  }

  private static Executable check(Path input, String extension, Function<Path, String> render) {
    return () -> {
      String name = input.getFileName().toString();
      Path expected = input.resolveSibling(name.substring(0, name.length() - ".slip".length())
          + extension);
      String actual = render.apply(input).replace("\r\n", "\n");
      if (OVERWRITE || !Files.exists(expected)) {
        boolean existed = Files.exists(expected);
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        if (!existed) {
          throw new AssertionError("wrote missing expectation " + expected + "; review it");
        }
        return;
      }
      assertThat(actual).as(name).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    };
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
