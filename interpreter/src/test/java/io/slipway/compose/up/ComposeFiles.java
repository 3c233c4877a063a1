package io.slipway.compose.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.load.ComposeLoader;
import io.slipway.compose.model.ComposeProject;
import io.slipway.diag.DiagnosticRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writing and loading compose files for the lifecycle tests. */
final class ComposeFiles {
  private ComposeFiles() {}

  static ComposeProject load(Path dir, String project, String yaml) {
    try {
      Files.createDirectories(dir);
      Path f = dir.resolve("docker-compose.yml");
      Files.writeString(f, yaml);
      var r = ComposeLoader.load(new ComposeLoader.Options(List.of(f), Map.of(), Map.of(), project, dir));
      assertThat(r.errors()).as(new DiagnosticRenderer(false).render(r.diagnostics())).isEmpty();
      return r.project();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unique, compose-valid project name for one test. */
  static String project(String base) {
    return "slipwaytest" + base + Long.toHexString(System.nanoTime() & 0xffffff);
  }
}
