package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.Slipway;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language examples run for real (no Docker) and their output matches
 * {@code <example>/expected/<case>.out}. Each runs from a copy in a temp dir, so that
 * {@code build.number} starts at 1 and there is no git repository around it.
 */
class LanguageExamplesTest {
  private static final Slipway SLIPWAY = new Slipway(Stdlib.registry());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("hello", "default", Map.of()),
        Arguments.of("hello", "deploy", Map.of("greeting", "Howdy", "replicas", "7",
            "deployTo", "staging")),
        Arguments.of("matrix", "default", Map.of()),
        Arguments.of("matrix", "quick", Map.of("quick", "true")),
        Arguments.of("library", "default", Map.of()),
        Arguments.of("library", "major", Map.of("current", "v2.9.9", "part", "major")),
        Arguments.of("kotlin", "default", Map.of()));
  }

  @Test
  void aBadParamIsReportedBeforeAnythingRuns(@TempDir Path tmp) {
    Path dir = ExampleFiles.copy(ExampleFiles.example("hello"), tmp.resolve("hello"));
    var checked = SLIPWAY.check(dir.resolve("Slipfile"));
    var transcript = new Transcript();
    var result = SLIPWAY.run(checked, ExampleRuns.options(Map.of("replicas", "many"), transcript));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.error()).contains("replicas").contains("many");
    assertThat(transcript.runId()).as("no run started").isNull();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsAndMatchesItsGolden(String example, String name, Map<String, String> params,
      @TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example(example), tmp.resolve(example));
    var checked = SLIPWAY.check(dir.resolve("Slipfile"));
    assertThat(new DiagnosticRenderer(false).render(checked.diagnostics())).isEmpty();

    var transcript = new Transcript();
    var result = SLIPWAY.run(checked, ExampleRuns.options(new LinkedHashMap<>(params), transcript));

    String text = transcript.text().replace(dir.toString(), "<dir>");
    Golden.assertMatches(ExampleFiles.example(example).resolve("expected/" + name + ".out"), text);
    assertThat(result.exitCode()).as(text).isZero();
  }
}
