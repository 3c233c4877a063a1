package io.slipway.cli;

import io.slipway.cli.repl.PendingSession;
import io.slipway.cli.repl.TerminalRepl;
import io.slipway.cli.view.PlainView;
import io.slipway.repl.ReplConfig;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway repl [FILE]}: the REPL over a headless {@link ReplSession}. With standard
 * input not a terminal it runs in script mode ({@link ScriptRepl}); FILE, when given, is
 * loaded first ({@code :load FILE}). On a terminal without FILE the prompt shows while the
 * session is still being built ({@link PendingSession}).
 */
@Command(name = "repl", description = "Evaluate Slipway interactively; load, run, debug pipelines.")
final class ReplCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "A pipeline file to load.")
  String file;

  @Option(names = "--echo", description = "In script mode, print each input after a prompt.")
  boolean echo;

  @Option(names = "--allow-host-path", paramLabel = "DIR",
      description = "Let file builtins use DIR (and below) outside the pipeline directory (repeatable).")
  List<Path> hostPaths = new ArrayList<>();

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  ReplCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    if (file == null && terminal(cli, echo)) {
      try {
        return TerminalRepl.run(PendingSession.start(() -> open(cli, hostPaths)), cli.env());
      } catch (PendingSession.Failed f) {
        // the session could not be built (a bug): reported at the first input, in one line
        return Main.internalError(cli, f.getCause(), debug);
      }
    }
    ReplSession session = open(cli, hostPaths);
    if (file != null) {
      ReplResponse r = session.handle(new io.slipway.repl.ReplRequest.Load(Path.of(file)));
      cli.out().print(r.text());
      if (!(r instanceof ReplResponse.Output)) {
        session.close();
        return ExitCode.USAGE;
      }
    }
    return loop(cli, session, echo);
  }

  /**
   * A session whose program output goes to stdout as plain lines (on a terminal: above the
   * prompt of the terminal client).
   */
  static ReplSession open(Cli cli, List<Path> hostPaths) {
    return new ReplSession(ReplConfig.of(cli.warmup().registry())
        .withEvents(cli.tty().interactive() ? io.slipway.cli.repl.AbovePrompt.events(cli.out())
            : new PlainView(cli.out()))
        .withEngine(Engines.docker())
        .withEnvironment(cli.env())
        .withHostPaths(hostPaths));
  }

  /** The terminal client (jline) rather than script mode. */
  private static boolean terminal(Cli cli, boolean echo) {
    return cli.tty().interactive() && !echo;
  }

  /**
   * Reads inputs until {@code :quit} or end of input. Ctrl-C interrupts what runs (an
   * evaluation, a run), not the REPL; with nothing running it ends the REPL ({@link
   * ReplSignals}).
   */
  static int loop(Cli cli, ReplSession session, boolean echo) throws IOException {
    if (terminal(cli, echo)) {
      return TerminalRepl.run(PendingSession.of(session), cli.env());
    }
    try (var signals = new ReplSignals(session, cli.err()).install()) {
      return new ScriptRepl(session, cli.out(), echo, cli.tty().interactive()).run(cli.in());
    }
  }
}
