package io.slipway.snippets;

import io.slipway.api.CheckResult;
import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one Slipway file through the facade as {@code slipway run} does, with a fixed test
 * environment (secrets {@code API_TOKEN}, {@code DB_PASSWORD}), and renders the outcome.
 * A first line {@code // run: -p a=b --stage s --approve} passes command-line options.
 */
final class SnippetRun {
  static final BuiltinRegistry REGISTRY = Stdlib.registry();
  static final Map<String, String> SECRETS = Map.of("API_TOKEN", "tok-3f9a1c77",
      "DB_PASSWORD", "hunter2-db-pass");

  final CheckResult checked;
  final RunResult result;
  final TranscriptSink transcript = new TranscriptSink();
  final AtomicInteger engineCalls = new AtomicInteger();

  private SnippetRun(Path file, String display) throws IOException {
    SourceFile source = SourceFile.read(file, display);
    var slipway = new Slipway(REGISTRY);
    this.checked = slipway.check(source);
    if (!checked.ok()) {
      this.result = null;
      return;
    }
    this.result = slipway.run(checked, options(source.text()));
  }

  static SnippetRun run(Path file, String display) throws IOException {
    return new SnippetRun(file, display);
  }

  private RunOptions options(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    String stage = null;
    boolean approve = false;
    String first = text.lines().findFirst().orElse("");
    if (first.startsWith("// run:")) {
      String[] words = first.substring(7).trim().split("\\s+");
      for (int i = 0; i < words.length; i++) {
        switch (words[i]) {
          case "-p" -> {
            String kv = words[++i];
            params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          }
          case "--stage" -> stage = words[++i];
          case "--approve" -> approve = true;
          default -> throw new IllegalArgumentException("unknown snippet option " + words[i]);
        }
      }
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(SECRETS);
    return RunOptions.defaults().withParams(params).withOnlyStage(stage).withApproveAll(approve)
        .withEvents(transcript).withEnvironment(env)
        .withEngineFactory(() -> {
          engineCalls.incrementAndGet();
          throw new IllegalStateException("snippets have no container engine");
        });
  }

  /** Runs source text written to {@code dir/name} (also used by other areas' run tests). */
  static SnippetRun run(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return run(f, name);
  }

  /** True when the expectation is an error ({@code .err}): check errors or a failed run. */
  boolean failed() {
    return result == null || !result.ok();
  }

  /** The golden text: diagnostics, or the transcript plus the rendered error. */
  String render(Path dir) {
    if (result == null) {
      return new DiagnosticRenderer(false).render(checked.diagnostics());
    }
    String out = transcript.render();
    if (result.error() != null && result.exitCode() != 0) {
      out += result.error().endsWith("\n") ? result.error() : result.error() + "\n";
    }
    String id = transcript.runId();
    if (id != null) {
      out = out.replace(id, "<run-id>");
    }
    return out.replace(dir.toAbsolutePath().toString(), "$snippetsDir");
  }
}
