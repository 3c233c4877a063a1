package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compose files in a temporary project directory, loaded as {@code compose(...)} would load them. */
final class Fixture {
  final Path dir;
  private final List<Path> files = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, String> process = new LinkedHashMap<>();
  private String project = "test";

  Fixture(Path dir) {
    this.dir = dir;
  }

  Fixture file(String name, String text) {
    Path p = write(name, text);
    files.add(p);
    return this;
  }

  Path write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Fixture env(String k, String v) {
    env.put(k, v);
    return this;
  }

  Fixture process(String k, String v) {
    process.put(k, v);
    return this;
  }

  Fixture project(String name) {
    project = name;
    return this;
  }

  ComposeLoader.Result result() {
    return ComposeLoader.load(new ComposeLoader.Options(files, env, process, project, dir));
  }

  /** Loads and expects no error. */
  ComposeProject load() {
    ComposeLoader.Result r = result();
    assertThat(r.errors()).as(render(r.diagnostics())).isEmpty();
    return r.project();
  }

  /** Loads, expects errors, returns every diagnostic rendered. */
  String errors() {
    ComposeLoader.Result r = result();
    assertThat(r.failed()).as("expected errors").isTrue();
    return render(r.diagnostics());
  }

  String warnings() {
    return render(result().warnings());
  }

  static String render(List<Diagnostic> ds) {
    return new DiagnosticRenderer(false).render(ds);
  }
}
