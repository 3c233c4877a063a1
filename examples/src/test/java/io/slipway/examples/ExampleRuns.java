package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.run.EventSink;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.Map;

/** Runs an example through the {@link Slipway} facade, as {@code slipway run} does. */
final class ExampleRuns {
  private static final Slipway SLIPWAY = new Slipway(Stdlib.registry());

  private ExampleRuns() {}

  /** Options for a run with these params, its events to {@code sink}, on the local engine. */
  static RunOptions options(Map<String, String> params, EventSink sink) {
    return RunOptions.defaults()
        .withParams(params)
        .withEvents(sink)
        .withEngineFactory(DockerJavaEngine::connect);
  }

  /** Checks (must be clean) and runs one pipeline file. */
  static Outcome run(Path file, Map<String, String> params) {
    var checked = SLIPWAY.check(file);
    assertThat(new DiagnosticRenderer(false).render(checked.diagnostics()))
        .as("diagnostics of %s", file).isEmpty();
    var transcript = new Transcript();
    RunResult result = SLIPWAY.run(checked, options(params, transcript));
    return new Outcome(result, transcript);
  }

  /** A finished run: its result and what it printed, grouped by stage. */
  record Outcome(RunResult result, Transcript transcript) {
    String output() {
      return transcript.text();
    }

    String runId() {
      return transcript.runId();
    }

    void assertSucceeded() {
      assertThat(result.exitCode()).as("%s\n%s", result.error(), output()).isZero();
    }
  }
}
