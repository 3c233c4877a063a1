package io.slipway.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGINT/SIGTERM during a run: the first signal cancels the run (its cleanups then remove what
 * it created and the process exits 130 or 143); a second one forces an immediate exit and points
 * at {@code slipway gc}. Handlers are restored on {@link #close()}.
 */
final class Interrupts implements AutoCloseable {
  private final PrintStream err;
  private final Consumer<String> cancel;
  private final AtomicReference<String> received = new AtomicReference<>();
  private TerminationSignals installed;

  Interrupts(PrintStream err, Consumer<String> cancel) {
    this.err = err;
    this.cancel = cancel;
  }

  Interrupts install() {
    installed = TerminationSignals.install(this::handle);
    return this;
  }

  private void handle(Signal signal) {
    String name = signal.getName();
    if (received.compareAndSet(null, name)) {
      err.println();
      err.println("slipway: " + (name.equals("INT") ? "interrupted" : "terminated")
          + ": cancelling the run (post `always`/`aborted` blocks get "
          + io.slipway.value.Values.showDuration(io.slipway.pipeline.Scheduler.POST_BUDGET)
          + ") and removing what it created"
          + (name.equals("INT") ? " (^C again to quit at once)" : ""));
      err.flush();
      // not on the signal thread: cancelling may take a moment
      Thread.ofPlatform().daemon().name("slipway-cancel")
          .start(() -> cancel.accept("interrupted by SIG" + name));
    } else {
      err.println("slipway: forced exit; resources may be left behind, run `slipway gc`");
      err.flush();
      Runtime.getRuntime().halt(exitCode());
    }
  }

  /** True once a signal arrived. */
  boolean interrupted() {
    return received.get() != null;
  }

  /** 130 after SIGINT, 143 after SIGTERM, -1 when no signal arrived. */
  int exitCode() {
    String s = received.get();
    return s == null ? -1 : s.equals("TERM") ? ExitCode.SIGTERM : ExitCode.SIGINT;
  }

  @Override
  public void close() {
    if (installed != null) {
      installed.close();
    }
  }
}
