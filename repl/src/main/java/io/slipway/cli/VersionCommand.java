package io.slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code slipway version}: Slipway's version and the Java runtime it runs on. */
@Command(name = "version", description = "Print the Slipway and Java versions.")
final class VersionCommand implements Callable<Integer> {
  private final Cli cli;

  VersionCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      cli.out().println(line);
    }
    return ExitCode.OK;
  }

  /** The version as recorded in the jar's manifest at build time. */
  static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Shared with {@code slipway --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"slipway " + version(),
          "java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }
}
