package io.slipway.cli;

import io.slipway.repl.ReplSession;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Signals while the REPL reads input: Ctrl-C (SIGINT) interrupts what runs (an evaluation, a
 * run, a {@code :logs -f}), not the REPL, as often as it is pressed; with nothing running it
 * ends the REPL the way {@code :quit} does (everything removed, exit 130). SIGTERM ends it the
 * same way (exit 143). Handlers are restored on {@link #close()}.
 */
final class ReplSignals implements AutoCloseable {
  private final ReplSession session;
  private final PrintStream err;
  private TerminationSignals installed;

  ReplSignals(ReplSession session, PrintStream err) {
    this.session = session;
    this.err = err;
  }

  ReplSignals install() {
    installed = TerminationSignals.install(this::handle);
    return this;
  }

  private void handle(Signal signal) {
    boolean term = signal.getName().equals("TERM");
    if (!term && session.interrupt()) {
      err.println();
      err.println("slipway: interrupted");
      err.flush();
      return;
    }
    // not on the signal thread: removing what the session made may take a moment
    Thread.ofPlatform().name("slipway-repl-exit").start(() -> {
      err.println();
      err.println("slipway: " + (term ? "terminated" : "interrupted")
          + ": removing what this session created");
      err.flush();
      session.close().forEach(f -> err.println("cleanup failed: " + f));
      err.flush();
      Runtime.getRuntime().halt(term ? ExitCode.SIGTERM : ExitCode.SIGINT);
    });
  }

  @Override
  public void close() {
    if (installed != null) {
      installed.close();
    }
  }
}
