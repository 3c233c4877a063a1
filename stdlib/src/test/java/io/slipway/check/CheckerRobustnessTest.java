package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker runs on whatever the parser recovered: truncated files and files with random
 * deletions or insertions must give diagnostics, never an exception. Thousands of inputs are
 * derived (deterministically) from the golden snippets.
 */
class CheckerRobustnessTest {
  private static final String[] NOISE = {"(", ")", "{", "}", "\n", "?.", "!!", "=", ",", "->", "\"", "$", ".",
      "val ", "fun ", "it", "null", "stage", "pipeline", "when", "is ", "as ", "..", "?:", ":", "<", ">"};

  @Test
  void mangledInputsNeverThrow() throws IOException {
    BuiltinRegistry registry = Stdlib.registry();
    List<String> sources = new ArrayList<>();
    for (String dir : List.of("src/test/snippets/errors", "src/test/snippets/checked")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".slip")).sorted().toList()) {
          sources.add(Files.readString(p));
        }
      }
    }
    var random = new Random(42);
    int inputs = 0;
    for (String src : sources) {
      for (int i = 0; i < 60; i++) {
        String mangled = switch (i % 3) {
          case 0 -> src.substring(0, random.nextInt(src.length() + 1));
          case 1 -> {
            int at = random.nextInt(src.length());
            int len = Math.min(src.length() - at, 1 + random.nextInt(8));
            yield src.substring(0, at) + src.substring(at + len);
          }
          default -> {
            int at = random.nextInt(src.length() + 1);
            yield src.substring(0, at) + NOISE[random.nextInt(NOISE.length)] + src.substring(at);
          }
        };
        inputs++;
        String input = mangled;
        assertThatCode(() -> {
          ParseResult parsed = SlipParser.parse(SourceFile.of("fuzz.slip", input));
          new Checker(registry).check(parsed.program(), ModuleLoader.none(), new Diagnostics(), true);
        }).as(() -> "input:\n" + input).doesNotThrowAnyException();
      }
    }
    System.out.println("[checker robustness] " + inputs + " mangled inputs checked");
  }
}
