package io.slipway.cli;

import io.slipway.api.CheckResult;
import io.slipway.api.PlanResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway plan [FILE] [-p NAME=VALUE]...}: checks the file, evaluates the pipeline block
 * and prints the stage graph (parallel groups, {@code needs}, guards) and the Docker operations
 * known before running. Runs no stage.
 */
@Command(name = "plan", description = "Print the stage graph and known Docker operations.")
final class PlanCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "Pipeline file (default: ./Slipfile).")
  String file;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "Override a `param` (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  PlanCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    var path = Files.pipeline(file);
    var slipway = Engines.slipway(cli);
    CheckResult checked = slipway.check(path);
    if (CheckCommand.report(cli, checked.diagnostics())) {
      return ExitCode.USAGE;
    }
    PlanResult plan = slipway.plan(checked, params);
    if (CheckCommand.report(cli, plan.diagnostics())) {
      return ExitCode.USAGE;
    }
    if (plan.error() != null || plan.plan() == null) {
      cli.err().println(plan.error() == null ? "error: the file declares no pipeline"
          : plan.error());
      return ExitCode.USAGE;
    }
    cli.out().print(plan.render());
    return ExitCode.OK;
  }
}
