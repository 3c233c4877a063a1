package io.slipway.cli;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.GarbageCollector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway gc}: removes the containers, networks, volumes and images that runs which are
 * gone (killed with {@code kill -9}, run with {@code --keep}) left behind. Resources of runs
 * still alive are kept.
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
    try (ContainerEngine engine = Engines.connectOrFail()) {
      report = new GarbageCollector(engine).collect(allHosts);
    }
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
