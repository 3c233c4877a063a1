package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every Slipway code block is a verbatim excerpt of an example file
 * that the example tests run, the test command is exactly what {@code .ci/run} runs, and the
 * example command names a file that exists.
 */
class ReadmeTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static List<String> blocks(String lang) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m = Pattern.compile("(?ms)^```" + lang + "\\n(.*?)^```").matcher(readme);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyKotlinBlockIsCopiedFromAnExample() throws IOException {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
      for (Path p : files.filter(p -> !p.toString().contains("/target/"))
          .filter(p -> p.getFileName().toString().equals("Slipfile")
              || p.toString().endsWith(".slip")).toList()) {
        sources.add(Files.readString(p));
      }
    }
    List<String> blocks = blocks("kotlin");
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    for (String block : blocks) {
      assertThat(sources).as("README block must appear verbatim in an example:%n%s", block)
          .anySatisfy(s -> assertThat(s).contains(block));
    }
  }

  @Test
  void theTestCommandIsWhatCiRuns() throws IOException {
    List<String> sh = blocks("sh");
    assertThat(sh).hasSizeGreaterThanOrEqualTo(2);
    String example = sh.get(0).strip();
    String tests = sh.get(1).strip();
    assertThat(example).startsWith("./slipway run ");
    assertThat(ROOT.resolve(example.substring("./slipway run ".length()))).isRegularFile();
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertThat(ci.strip()).endsWith("exec " + tests);
  }
}
