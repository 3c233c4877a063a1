package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.Slipway;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pipeline file under {@code examples/} parses and type-checks clean, and with it every
 * library file it imports (library files are checked through their importers, because checked
 * alone a file must hold a pipeline).
 */
class ExamplesCheckTest {
  private static final Slipway SLIPWAY = new Slipway(Stdlib.registry());

  static List<Path> pipelines() {
    return ExampleFiles.pipelines();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void checksClean(Path file) {
    var result = SLIPWAY.check(file);
    assertThat(new DiagnosticRenderer(false).render(result.diagnostics()))
        .as("diagnostics of %s", ExampleFiles.root().relativize(file))
        .isEmpty();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void everyExampleFileIsAPipelineOrImportedByOne() {
    Path root = ExampleFiles.root();
    assertThat(pipelines()).map(f -> root.relativize(f).toString()).containsExactlyInAnyOrder(
        "books-ms/Slipfile", "books-ms/compose.slip", "wordpress-compose/Slipfile",
        "nerd-dinner-ci/Slipfile", "nerd-dinner-ci/promote.slip", "container-upgrade/Slipfile",
        "multi-stage/Slipfile", "hello/Slipfile", "matrix/Slipfile", "library/Slipfile",
        "blockade/Slipfile", "comcast/Slipfile", "resilience/Slipfile", "kotlin/Slipfile",
        "nerd-dinner-deploy/Slipfile");
    assertThat(ExampleFiles.imported()).map(f -> root.relativize(f).toString())
        .containsExactlyInAnyOrder("nerd-dinner-ci/slip/nerd-dinner.slip",
            "library/lib/semver.slip", "library/lib/images.slip");
    assertThat(ExampleFiles.imported()).allMatch(java.nio.file.Files::isRegularFile);
  }
}
