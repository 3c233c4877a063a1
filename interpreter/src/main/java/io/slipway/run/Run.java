package io.slipway.run;

import io.slipway.engine.ContainerEngine;
import io.slipway.scope.ResourceScope;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one run of a pipeline owns: its id and {@code build} info, its cleanup scope (a child of
 * the session's; stages and attempts nest inside it), its services (the plan, the Docker
 * session with the run's labels), cancellation, and the pausable clock its deadlines use. The
 * engine, output, secrets and switches belong to the {@link #session()}; the accessors here
 * reach them for convenience.
 *
 * <p>{@link #cleanup()} ends the run's scope: everything the run created is removed, last
 * created first, exactly once, whether the run succeeded, failed, timed out or was cancelled.
 * A REPL keeps a run open after it finished (its containers stay for inspection and stage
 * re-runs) and cleans it up on the next run or on quit.
 */
public final class Run {
  private final Session session;
  private final String runId;
  private final ResourceScope scope;
  private final PausableClock clock = new PausableClock();
  private final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();
  private volatile String cancelReason;
  private volatile BuildInfo build;
  private volatile boolean planOnly;

  Run(Session session, String runId) {
    this.session = session;
    this.runId = runId;
    this.scope = session.scope().child(ResourceScope.Kind.RUN, runId);
    this.build = session.build();
  }

  public Session session() {
    return session;
  }

  public String runId() {
    return runId;
  }

  public String pipeline() {
    return session.pipeline();
  }

  /** The run's cleanup scope; stage scopes are its children. */
  public ResourceScope scope() {
    return scope;
  }

  /** The clock of this run's deadlines; stands still while a debugger holds the run paused. */
  public PausableClock clock() {
    return clock;
  }

  /** The {@code build} global. */
  public BuildInfo build() {
    return build;
  }

  public Run build(BuildInfo info) {
    this.build = info;
    return this;
  }

  public Run planOnly(boolean only) {
    this.planOnly = only;
    return this;
  }

  /** True while {@code slipway plan} evaluates the program: no Docker call may happen. */
  public boolean planOnly() {
    return planOnly;
  }

  /**
   * A run-scoped service of another area (the plan being built, the Docker session), created
   * in the run's scope on first request.
   */
  public <T> T service(Class<T> type, Supplier<T> create) {
    return scope.service(type, create);
  }

  // ------------------------------------------------------------ the session's, for convenience

  public Path dir() {
    return session.dir();
  }

  public EventSink events() {
    return session.events();
  }

  public SecretMasker masker() {
    return session.masker();
  }

  public SecretStore secrets() {
    return session.secrets();
  }

  public RunFlags flags() {
    return session.flags();
  }

  public Approver approver() {
    return session.approver();
  }

  /** The session's default engine, connected on first use. */
  public ContainerEngine engine() {
    return session.engine();
  }

  /** Starts connecting the engine in the background (never while planning). */
  public void connectEarly() {
    if (!planOnly) {
      session.engineConnection().connectEarly();
    }
  }

  /** True once something asked for the engine. */
  public boolean engineUsed() {
    return session.engineConnection().used();
  }

  // ------------------------------------------------------------ cleanup

  /**
   * Registers an action to run when the run ends (directly in the run's scope). If cleanup
   * already ran, it runs at once so that nothing is left behind.
   */
  public void onCleanup(String what, Runnable action) {
    scope.register(what, ResourceScope.Lifetime.RUN, action);
  }

  /**
   * Ends the run's scope: every stage scope still open, then every registration, last first,
   * exactly once; later calls wait for the first to finish. Returns failures as messages.
   */
  public List<String> cleanup() {
    return scope.close();
  }

  /** Waits until a cleanup started elsewhere (the signal handler, the run) has finished. */
  public boolean awaitCleanup(long timeout, TimeUnit unit) {
    return scope.awaitEnd(timeout, unit);
  }

  // ------------------------------------------------------------ cancellation

  /** Stops the run: running stages are interrupted, stages not started are cancelled. */
  public void cancel(String reason) {
    synchronized (this) {
      if (cancelReason != null) {
        return;
      }
      cancelReason = reason;
    }
    for (Consumer<String> l : cancelListeners) {
      l.accept(reason);
    }
  }

  public boolean isCancelled() {
    return cancelReason != null;
  }

  /** Why the run was cancelled, or null. */
  public String cancelReason() {
    return cancelReason;
  }

  /** Called on {@link #cancel}; called at once when the run is already cancelled. */
  public void onCancel(Consumer<String> listener) {
    cancelListeners.add(listener);
    String r = cancelReason;
    if (r != null) {
      listener.accept(r);
    }
  }

  public void removeCancelListener(Consumer<String> listener) {
    cancelListeners.remove(listener);
  }
}
