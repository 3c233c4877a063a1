package io.slipway.stdlib.docker;

import io.slipway.api.CheckResult;
import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Slipfile text through the real facade against the real engine and keeps every event,
 * so Docker builtin ITs assert on results, output and leftovers.
 */
final class PipelineRun {
  static final String IMAGE = "slipway-test/busybox:latest";
  private static final Slipway SLIPWAY = new Slipway(Stdlib.registry());

  final RunResult result;
  final List<Event> events;
  final String runId;

  private PipelineRun(RunResult result, List<Event> events) {
    this.result = result;
    this.events = events;
    this.runId = events.stream().filter(e -> e instanceof Event.RunStarted)
        .map(e -> ((Event.RunStarted) e).runId()).findFirst().orElse(null);
  }

  /** Skips the calling test unless an engine answers; builds the test image if missing. */
  static void requireEngine() {
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      if (e.inspectImage(IMAGE).isEmpty()) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("scripts"))) {
          root = root.getParent();
        }
        try {
          Process p = new ProcessBuilder(root.resolve("scripts/build-test-images.sh").toString()).inheritIO().start();
          p.waitFor();
        } catch (IOException | InterruptedException ex) {
          throw new IllegalStateException(ex);
        }
      }
    } catch (io.slipway.engine.EngineUnavailable e) {
      Assumptions.assumeTrue(false, "skipped: " + e.getMessage());
    }
  }

  static PipelineRun run(Path dir, String slipfile) throws IOException {
    return run(dir, slipfile, Map.of(), o -> o);
  }

  static PipelineRun run(Path dir, String slipfile, Map<String, String> env,
      java.util.function.UnaryOperator<RunOptions> tweak) throws IOException {
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, slipfile);
    CheckResult checked = SLIPWAY.check(file);
    if (!checked.ok()) {
      throw new AssertionError("does not check:\n" + checked.diagnostics());
    }
    List<Event> events = new CopyOnWriteArrayList<>();
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.putAll(env);
    RunOptions options = tweak.apply(RunOptions.defaults().withEvents(events::add)
        .withEngineFactory(DockerJavaEngine::connect).withEnvironment(environment));
    return new PipelineRun(SLIPWAY.run(checked, options), events);
  }

  /** Every log line of the run, in order. */
  String log() {
    return events.stream().filter(e -> e instanceof Event.Log).map(e -> ((Event.Log) e).line())
        .collect(Collectors.joining("\n"));
  }

  /** Everything the run labelled and left behind (should be nothing). */
  static List<String> leftovers(String runId) {
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      Map<String, String> sel = Map.of(RunLabels.RUN, runId);
      var out = new java.util.ArrayList<String>();
      e.listContainers(sel).forEach(c -> out.add("container " + c.name()));
      e.listNetworks(sel).forEach(n -> out.add("network " + n.name()));
      e.listVolumes(sel).forEach(v -> out.add("volume " + v.name()));
      e.listImages(sel).forEach(i -> out.add("image " + i.tags()));
      // images carry no run labels: the run's hold references and its journal tell
      String hold = RunLabels.holdRepository(runId) + ":";
      e.listImages(Map.of()).stream().filter(i -> i.tags().stream().anyMatch(t -> t.startsWith(hold)))
          .forEach(i -> out.add("held image " + i.tags()));
      Path journal = io.slipway.engine.RunJournal.defaultDirectory(System.getenv())
          .resolve(runId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".journal");
      if (Files.exists(journal)) {
        out.add("journal " + journal);
      }
      return out;
    }
  }

  @Override
  public String toString() {
    String stages = events.stream().filter(e -> e instanceof Event.StageFinished)
        .map(e -> ((Event.StageFinished) e).stage() + " " + ((Event.StageFinished) e).status() + " "
            + ((Event.StageFinished) e).error()).collect(Collectors.joining("\n"));
    return "exit " + result.exitCode() + ": " + result.error() + "\n--- stages\n" + stages
        + "\n--- log\n" + log();
  }
}
