package io.slipway.cli;

import io.slipway.compose.load.ComposeLoader;
import io.slipway.compose.load.ConfigWriter;
import io.slipway.compose.load.DefaultFiles;
import io.slipway.diag.DiagnosticRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway compose config -f A -f B [-p NAME]}: prints the merged, interpolated compose
 * configuration as {@code stack.config()} renders it. Diagnostics go to stderr; any error (a
 * missing required variable, a wrong type, broken YAML) exits 2 with nothing on stdout. Docker is
 * never contacted.
 */
@Command(name = "compose", description = "Compose files without a pipeline.",
    subcommands = ComposeCommand.Config.class)
final class ComposeCommand implements Callable<Integer> {
  private final Cli cli;

  ComposeCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    cli.err().println("slipway compose: missing command (config)");
    return ExitCode.USAGE;
  }

  /** {@code slipway compose config}. */
  @Command(name = "config", description = "Print the merged, interpolated configuration (like `docker-compose config`).")
  static final class Config implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ComposeCommand parent;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
        description = "A compose file; repeat to merge (default: ./docker-compose.yml and its override).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "The project name.")
    String project;

    @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() {
      Cli cli = parent.cli;
      List<Path> chosen = files.isEmpty() ? DefaultFiles.find(Path.of("")) : files;
      if (chosen.isEmpty()) {
        throw new UserError(ExitCode.USAGE, "no docker-compose.yml or compose.yaml here or above (give one with -f)");
      }
      ComposeLoader.Result r = ComposeLoader.load(new ComposeLoader.Options(chosen, Map.of(), cli.env(), project,
          Path.of("")));
      cli.err().print(new DiagnosticRenderer(cli.tty().color()).render(r.diagnostics()));
      if (r.failed()) {
        int n = r.errors().size();
        cli.err().println("compose config: " + n + (n == 1 ? " error" : " errors"));
        return ExitCode.USAGE;
      }
      cli.out().print(ConfigWriter.render(r.project()));
      return ExitCode.OK;
    }
  }
}
