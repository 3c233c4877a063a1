package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RunJournal;
import io.slipway.engine.RunLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The network part of {@code slipway gc}, run before the general collection: for every helper
 * ({@code io.slipway.netsim.target} label) of a run that is gone, removes the run's tagged rules,
 * qdiscs, ifb devices and delayers from the target's namespace (an exec in the helper, which
 * shares it), then removes the helper; for a run's {@link Agent} ({@code io.slipway.netsim.agent}),
 * the same in every namespace it entered, then its delayers and proxies, then the agent; then deletes netsim journals no live run owns.
 */
public final class NetsimSweep {
  private final ContainerEngine engine;

  public NetsimSweep(ContainerEngine engine) {
    this.engine = engine;
  }

  /**
   * Sweeps helpers whose labels {@code dead} accepts (the general collector's rule: the owning
   * process is gone); returns what was removed, and adds failures to {@code failed}.
   */
  public List<String> collect(Predicate<Map<String, String>> dead, Path journals, List<String> failed) {
    List<String> removed = new ArrayList<>();
    for (ContainerInfo c : engine.listContainers(Map.of(RunLabels.MANAGED, "true"))) {
      String target = c.labels().get(Sidecars.TARGET);
      boolean agent = c.labels().containsKey(Agent.LABEL);
      String run = c.labels().get(RunLabels.RUN);
      if (target == null && !agent || run == null || !dead.test(c.labels())) {
        continue;
      }
      try {
        if (c.state() != null && c.state().running()) {
          String sweep = agent ? Agent.sweepScript(run) : Sidecars.sweepScript(run);
          int code = engine.exec(c.id(), ExecSpec.of(List.of("/bin/sh", "-c", sweep)), OutputSink.NONE);
          if (code != 0) {
            failed.add("network rules of run " + run + " in " + (agent ? "the namespaces its helper entered" : target)
                + ": sweep exited " + code);
          }
        }
        engine.removeContainer(c.id(), true);
        removed.add("network helper " + c.name());
      } catch (EngineException e) {
        failed.add("network helper " + c.name() + ": " + e.getMessage());
      }
    }
    if (Files.isDirectory(journals)) {
      try (Stream<Path> s = Files.list(journals)) {
        for (Path p : s.filter(p -> p.toString().endsWith(NetJournal.SUFFIX)).toList()) {
          String owner = ownerOf(p);
          if (owner == null || dead.test(Map.of(RunLabels.OWNER, owner))) {
            Files.deleteIfExists(p);
            removed.add("network journal " + p.getFileName());
          }
        }
      } catch (IOException e) {
        failed.add("network journals in " + journals + ": " + e.getMessage());
      }
    }
    return removed;
  }

  /** With the default journal directory. */
  public List<String> collect(Predicate<Map<String, String>> dead, List<String> failed) {
    return collect(dead, RunJournal.defaultDirectory(System.getenv()), failed);
  }

  private static String ownerOf(Path p) throws IOException {
    try (var lines = Files.lines(p)) {
      String first = lines.findFirst().orElse("");
      int tab = first.indexOf('\t');
      return tab < 0 ? null : first.substring(tab + 1);
    }
  }
}
