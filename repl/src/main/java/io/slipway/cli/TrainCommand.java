package io.slipway.cli;

import io.slipway.diag.DiagnosticRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code slipway __train} (hidden): the workload the launcher records its class-data cache
 * from, after each build. It checks a bundled 200-line pipeline and a broken one, so the
 * classes of parsing, checking and diagnostic rendering are all in the cache. When a Docker
 * engine answers, it also pings it and lists (labelled, so: no) containers, read-only, so that
 * the engine client's classes are cached too and {@code run} starts faster; without an engine
 * that part is skipped.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
  private final Cli cli;

  TrainCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = java.nio.file.Files.createTempDirectory("slipway-train");
    try {
      Path good = dir.resolve("Slipfile");
      try (InputStream in = TrainCommand.class.getResourceAsStream("training.slip")) {
        java.nio.file.Files.copy(in, good);
      }
      Path bad = dir.resolve("bad.slip");
      java.nio.file.Files.writeString(bad, "val x: Int = \"s\"\npipeline(\"p\") {\n"
          + "  stage(\"a\") { timeout(30) { sh(\"make\") }; echo(undefinedName) }\n}\n");
      var slipway = Engines.slipway(cli);
      var renderer = new DiagnosticRenderer(false);
      for (Path p : new Path[] {good, bad}) {
        cli.out().print(renderer.render(slipway.check(p).diagnostics()));
      }
      cli.out().println(CheckCommand.summary(2, 0, 0));
      try (var engine = Engines.docker().get()) {
        engine.listContainers(java.util.Map.of("io.slipway.train", "none"));
      } catch (RuntimeException noEngine) {
        // no engine here: the cache simply lacks the client classes
      }
      return ExitCode.OK;
    } finally {
      for (String f : new String[] {"Slipfile", "bad.slip"}) {
        java.nio.file.Files.deleteIfExists(dir.resolve(f));
      }
      java.nio.file.Files.deleteIfExists(dir);
    }
  }
}
