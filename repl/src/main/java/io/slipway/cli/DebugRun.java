package io.slipway.cli;

import io.slipway.repl.ReplRequest;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import java.io.IOException;

/**
 * {@code slipway run --break-on-failure} and {@code --pause}: the run goes through a REPL
 * session, and where it pauses (the failing step, the first stage) the REPL opens with the
 * paused frame's scope and the run's containers, as {@code slipway repl} would after
 * {@code :break on-failure} and {@code :run}. A run that never pauses ends as a plain run does:
 * everything removed, its exit code returned.
 */
final class DebugRun {
  private DebugRun() {}

  static int run(Cli cli, PipelineInput input, boolean onFailure, boolean pause,
      boolean unsupported) {
    if (unsupported) {
      cli.err().println("slipway: --break-on-failure and --pause cannot be combined with "
          + "--stage, --json, --junit, --report or --keep");
      return ExitCode.USAGE;
    }
    ReplSession session = ReplCommand.open(cli, input.hostPaths);
    ReplResponse loaded = session.handle(new ReplRequest.Load(Files.pipeline(input.file)));
    if (!(loaded instanceof ReplResponse.Output)) {
      cli.err().print(loaded.text());
      session.close();
      return ExitCode.USAGE;
    }
    if (onFailure) {
      session.handle(new ReplRequest.BreakOnFailure());
    }
    if (pause) {
      session.pauseAtNextStage();
    }
    ReplResponse r = session.handle(new ReplRequest.Run(input.params));
    cli.out().print(r.text());
    if (r instanceof ReplResponse.Paused) {
      cli.out().println("the REPL is open here: :vars, :where, :ps, :shell NAME, expressions; "
          + ":continue goes on, :quit ends the run and removes everything");
      try {
        return ReplCommand.loop(cli, session, false);
      } catch (IOException e) {
        cli.err().println("error: " + e.getMessage());
        session.close();
        return ExitCode.INFRASTRUCTURE;
      }
    }
    session.close();
    if (r instanceof ReplResponse.RunEnded e) {
      return e.exitCode();
    }
    return ExitCode.USAGE;
  }
}
