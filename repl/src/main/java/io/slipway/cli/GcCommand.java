package io.slipway.cli;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.engine.docker.EngineTimeouts;
import io.slipway.netsim.NetsimSweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway gc}: removes the containers, networks, volumes and images that runs which are
 * gone (killed with {@code kill -9}, run with {@code --keep}) left behind, and the network
 * conditions they applied (rules, qdiscs, delayers in the targets' namespaces, the helpers).
 * Resources of runs still alive are kept. Besides the default engine, it collects on every
 * engine a run's journal names (remote engines of {@code on(engine) { }} blocks, TLS ones through
 * the certificate files the journal records).
 */
@Command(name = "gc", description = "Remove what killed or --keep runs left behind.")
final class GcCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--all-hosts",
      description = "Also remove resources of runs started from other machines.")
  boolean allHosts;

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  GcCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    GarbageCollector.Report report;
    List<String> removed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    String defaultAddress;
    Path journals;
    try (ContainerEngine engine = Engines.connectOrFail()) {
      GarbageCollector gc = new GarbageCollector(engine);
      defaultAddress = engine.address();
      journals = gc.journals();
      // network conditions first: their helpers are how the rules in the targets are found
      removed.addAll(new NetsimSweep(engine).collect(labels -> !gc.alive(labels) && (allHosts
          || RunLabels.hostName().equals(RunLabels.parseOwner(labels.get(RunLabels.OWNER))[0])), failed));
      report = gc.collect(allHosts);
    }
    removed.addAll(report.removed());
    failed.addAll(report.failed());
    int live = report.live();
    // the other engines runs used (`on(engine) { }`, `deploy(.., on = engine)`), as their journals name them
    GarbageCollector.Report others = GarbageCollector.collectOtherEngines(journals, defaultAddress, allHosts,
        e -> DockerJavaEngine.connectTls(e.address(), e.tls(), EngineTimeouts.from(System.getenv())));
    removed.addAll(others.removed());
    failed.addAll(others.failed());
    live += others.live();
    report = new GarbageCollector.Report(removed, failed, live);
    for (String r : report.removed()) {
      cli.out().println("removed " + r);
    }
    for (String f : report.failed()) {
      cli.err().println("could not remove " + f);
    }
    cli.out().println("gc: removed " + report.removed().size()
        + (report.removed().size() == 1 ? " resource" : " resources")
        + (report.live() > 0 ? ", kept " + report.live() + " of running runs" : ""));
    return report.failed().isEmpty() ? ExitCode.OK : ExitCode.INFRASTRUCTURE;
  }
}
