package io.slipway.cli.repl;

import io.slipway.repl.ReplSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The terminal REPL's session while it is still being built. Building it (the standard library
 * registry, the checker, the evaluator) takes longer than showing the prompt, so
 * {@link TerminalRepl} shows the prompt first and builds the session on a daemon thread, as
 * jshell starts its agent; the first input that needs the session waits for it. A failure to
 * build it is reported when the session is first asked for ({@link #get()}), not at start.
 */
public final class PendingSession {
  private final CompletableFuture<ReplSession> session = new CompletableFuture<>();

  private PendingSession() {}

  /** Builds the session from {@code open} on a new daemon thread. */
  public static PendingSession start(Supplier<ReplSession> open) {
    var p = new PendingSession();
    Thread.ofPlatform().daemon().name("slipway-session").start(() -> {
      try {
        p.session.complete(open.get());
      } catch (Throwable t) {
        p.session.completeExceptionally(t);
      }
    });
    return p;
  }

  /** A session that exists already (a file was loaded before the prompt; training). */
  public static PendingSession of(ReplSession session) {
    var p = new PendingSession();
    p.session.complete(session);
    return p;
  }

  /** The session, or null while it is being built (or when building it failed). */
  ReplSession now() {
    return session.isDone() && !session.isCompletedExceptionally() ? session.join() : null;
  }

  /**
   * The session, waiting for it to be built.
   *
   * @throws InterruptedException when the waiting thread is interrupted (Ctrl-C while waiting)
   * @throws Failed when it could not be built
   */
  ReplSession get() throws InterruptedException {
    try {
      return session.get();
    } catch (ExecutionException e) {
      throw new Failed(e.getCause());
    }
  }

  /**
   * Closes the session (removing what it created) once it exists; a session that could not be
   * built has nothing to close.
   */
  public void close() {
    boolean interrupted = false;
    while (true) {
      try {
        get().close();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // closing must still happen: the session may hold containers
      } catch (Failed e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Building the session failed; the cause is the error (a bug: it needs no engine). */
  public static final class Failed extends RuntimeException {
    Failed(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
