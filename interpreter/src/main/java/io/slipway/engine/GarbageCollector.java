package io.slipway.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code slipway gc}: removes what runs that are gone left behind (a {@code kill -9}, a
 * {@code --keep} run, a crashed machine).
 *
 * <p>The rule: a resource labelled {@code io.slipway.managed=true} belongs to a live run only if
 * its {@code io.slipway.owner} names this machine, a process with that pid exists and that
 * process started at the recorded instant (so a reused pid does not keep garbage alive).
 * Everything else is garbage, except containers a run kept ({@code Container.keep()}, recorded
 * in its journal). Resources of other hosts are left alone unless {@code allHosts} is set,
 * because a shared remote engine may serve runs of other machines. Order: containers,
 * networks, volumes, then images.
 *
 * <p>Images carry no run labels: the image references of dead runs come from their journals
 * ({@link RunJournal}, swept by {@link JournalSweep}), each removed only if it still points to
 * the image the run created. Images labelled by older versions are still collected by label,
 * leaving references that name a registry ({@code localhost:5000/app:1}) alone.
 */
public final class GarbageCollector {
  /** What one collection did. {@code live} counts resources of runs still running (or in use). */
  public record Report(List<String> removed, List<String> failed, int live) {
    public Report {
      removed = List.copyOf(removed);
      failed = List.copyOf(failed);
    }
  }

  private final ContainerEngine engine;
  private final String host;
  private final Path journals;

  /** Collects on {@code engine}, with the journals of this user's runs. */
  public GarbageCollector(ContainerEngine engine) {
    this(engine, RunLabels.hostName(), RunJournal.defaultDirectory(System.getenv()));
  }

  /** Collects on {@code engine}, with the journals in {@code journals}. */
  public GarbageCollector(ContainerEngine engine, Path journals) {
    this(engine, RunLabels.hostName(), journals);
  }

  GarbageCollector(ContainerEngine engine, String host, Path journals) {
    this.engine = engine;
    this.host = host;
    this.journals = journals;
  }

  public Report collect(boolean allHosts) {
    Map<String, String> managed = Map.of(RunLabels.MANAGED, "true");
    List<String> removed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int[] live = {0};
    List<JournalFile> runs = readJournals(failed);
    Set<String> kept = JournalSweep.keptContainers(runs, engine.address());
    for (ContainerInfo c : engine.listContainers(managed)) {
      if (kept.contains(c.id())) {
        continue;
      }
      sweep(c.labels(), allHosts, live, removed, failed, "container " + c.name(),
          () -> engine.removeContainer(c.id(), true));
    }
    for (NetworkInfo n : engine.listNetworks(managed)) {
      sweep(n.labels(), allHosts, live, removed, failed, "network " + n.name(),
          () -> engine.removeNetwork(n.id()));
    }
    for (VolumeInfo v : engine.listVolumes(managed)) {
      sweep(v.labels(), allHosts, live, removed, failed, "volume " + v.name(),
          () -> engine.removeVolume(v.name()));
    }
    var sweep = new JournalSweep(engine, j -> alive(Map.of(RunLabels.OWNER, j.owner()))
        || (!allHosts && !host.equals(RunLabels.parseOwner(j.owner())[0])), failed.isEmpty());
    for (JournalFile j : runs) {
      live[0] += sweep.sweep(j, removed, failed);
    }
    for (ImageInfo i : engine.listImages(managed)) {
      Set<String> refs = new HashSet<>(i.tags());
      if (refs.isEmpty() || refs.contains("<none>:<none>")) {
        refs.remove("<none>:<none>");
        refs.add(i.id());
      }
      for (String ref : refs) {
        if (!ref.startsWith("sha256:") && !ImageRef.parse(ref).registry().equals(ImageRef.DOCKER_HUB)) {
          continue; // possibly pushed: pushed images outlive their run
        }
        sweep(i.labels(), allHosts, live, removed, failed, "image " + ref,
            () -> engine.removeImage(ref, true));
      }
    }
    return new Report(removed, failed, live[0]);
  }

  /**
   * Collects on every engine besides {@code defaultAddress} that a run's journal in
   * {@code journals} names ({@code on(engine) { }} blocks, {@code deploy(.., on = engine)}),
   * connecting to each through {@code connect} (TLS ones with the certificate files the journal
   * records). What each removes or fails to is reported with {@code " on <address>"}; an engine
   * that cannot be reached is one failure, and its journals keep naming it for a later gc.
   */
  public static Report collectOtherEngines(Path journals, String defaultAddress, boolean allHosts,
      java.util.function.Function<JournalFile.Engine, ContainerEngine> connect) {
    List<String> removed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int live = 0;
    Map<String, JournalFile.Engine> engines = new java.util.LinkedHashMap<>();
    for (JournalFile j : new GarbageCollector(null, "", journals).readJournals(failed)) {
      j.engines().forEach((address, e) -> {
        if (!address.equals(defaultAddress)) {
          engines.putIfAbsent(address, e);
        }
      });
    }
    for (JournalFile.Engine e : engines.values()) {
      try (ContainerEngine engine = connect.apply(e)) {
        Report r = new GarbageCollector(engine, journals).collect(allHosts);
        r.removed().forEach(x -> removed.add(x + " on " + e.address()));
        r.failed().forEach(x -> failed.add(x + " on " + e.address()));
        live += r.live();
      } catch (RuntimeException unreachable) {
        failed.add("anything on " + e.address() + ": " + unreachable.getMessage());
      }
    }
    return new Report(removed, failed, live);
  }

  /** The journals directory this collector reads. */
  public Path journals() {
    return journals;
  }

  private List<JournalFile> readJournals(List<String> failed) {
    List<JournalFile> out = new ArrayList<>();
    try {
      for (Path p : JournalFile.list(journals)) {
        try {
          out.add(JournalFile.read(p));
        } catch (IOException e) {
          failed.add("journal " + p + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      failed.add("journals in " + journals + ": " + e.getMessage());
    }
    return out;
  }

  private void sweep(Map<String, String> labels, boolean allHosts, int[] live, List<String> removed,
      List<String> failed, String what, Runnable remove) {
    String ownerHost = RunLabels.parseOwner(labels.get(RunLabels.OWNER))[0];
    if (alive(labels) || (!allHosts && ownerHost != null && !host.equals(ownerHost))) {
      live[0]++;
      return;
    }
    try {
      remove.run();
      removed.add(what);
    } catch (EngineException e) {
      failed.add(what + ": " + e.getMessage());
    }
  }

  /** True if the run that owns a resource with these labels is still running here. */
  public boolean alive(Map<String, String> labels) {
    String[] owner = RunLabels.parseOwner(labels.get(RunLabels.OWNER));
    if (!host.equals(owner[0])) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(owner[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    String started = owner[2];
    return started.isEmpty()
        || p.get().info().startInstant().map(i -> i.toString().equals(started)).orElse(true);
  }
}
