package io.slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The root command; without a subcommand it prints a hint and exits 2. */
@Command(name = "slipway", mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Statically typed pipelines for Docker: check, plan and run Slipfiles.",
    footer = {"", "Exit codes: 0 ok, 1 pipeline failed, 2 usage or check errors,",
        "3 engine or internal error, 130/143 interrupted by SIGINT/SIGTERM."})
final class SlipwayCommand implements Callable<Integer> {
  private final Cli cli;

  SlipwayCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    cli.err().println("slipway: missing command (check, plan, run, compose, docs, gc, version)");
    cli.err().println("run `slipway help` for usage");
    return ExitCode.USAGE;
  }
}
