package io.slipway.cli;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import io.slipway.netsim.Capabilities;
import io.slipway.netsim.CapabilityProbe;
import io.slipway.netsim.HelperImage;
import io.slipway.netsim.NetsimException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code slipway net capabilities}: builds the network helper image if the engine lacks it (and
 * says so), probes the engine's kernel with a throwaway helper, and prints which features are
 * present and which latency backend {@code slow} would use.
 */
@Command(name = "net", description = "Network simulation: what this engine's kernel supports.",
    subcommands = NetCommand.CapabilitiesCommand.class)
final class NetCommand implements Callable<Integer> {
  private final Cli cli;

  NetCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    cli.err().println("slipway net: missing command (capabilities)");
    return ExitCode.USAGE;
  }

  /** {@code slipway net capabilities}. */
  @Command(name = "capabilities", description = "Probe the engine's kernel for netem, tbf, ifb, NFQUEUE, ...")
  static final class CapabilitiesCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    NetCommand parent;

    @picocli.CommandLine.Option(names = "--debug", description = "Show Java stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      try (ContainerEngine engine = Engines.connectOrFail()) {
        String image = HelperImage.ensure(engine, cli.env(), line -> cli.err().println(line));
        var labels = RunLabels.forCurrentProcess("net-probe-" + UUID.randomUUID(), "net-capabilities");
        Capabilities c = CapabilityProbe.of(engine, image, labels.labels());
        cli.out().println("engine " + engine.address() + ", helper image " + image);
        cli.out().println(c.table());
        return ExitCode.OK;
      } catch (NetsimException e) {
        throw new UserError(ExitCode.INFRASTRUCTURE, e.getMessage());
      }
    }
  }
}
