package io.slipway.cli;

import io.slipway.api.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code slipway plan [FILE] [-p NAME=VALUE]...}: checks the file, evaluates it without side
 * effects and prints the stage graph (parallel groups, {@code needs}, guards) with the
 * operations of every stage, values evaluated where plan time knows them.
 */
@Command(name = "plan",
    description = "Print the stage graph and each stage's operations (no side effects).")
final class PlanCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin
  PipelineInput input = new PipelineInput();

  PlanCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    var checked = input.check(cli);
    if (checked == null) {
      return ExitCode.USAGE;
    }
    PlanResult plan = checked.slipway().plan(checked.result(), input.params, input.hostPaths);
    if (CheckCommand.report(cli, checked.result(), plan.diagnostics())) {
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
