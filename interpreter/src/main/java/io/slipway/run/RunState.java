package io.slipway.run;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything one run owns, in one explicit object (no statics): identity, output, secrets, build
 * info, switches, cleanup actions, cancellation, and the lazily connected engine. A pipeline
 * that never calls a Docker builtin never connects. The REPL will keep one across stage re-runs.
 *
 * <p>Cleanup actions ({@link #onCleanup}) run in reverse order of registration, exactly once,
 * whether the run succeeds, fails, times out or is cancelled ({@link #cleanup()}).
 */
public final class RunState {
  private final String runId;
  private final String pipeline;
  private final Path dir;
  private final EventSink events;
  private final SecretMasker masker;
  private final Supplier<ContainerEngine> engineFactory;
  private ContainerEngine engine;
  private FutureTask<ContainerEngine> connecting;

  private final Deque<Cleanup> cleanups = new ArrayDeque<>();
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private boolean cleanupStarted;
  private final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();
  private volatile String cancelReason;
  private final Map<Class<?>, Object> attributes = new ConcurrentHashMap<>();
  private volatile SecretStore secrets;
  private volatile BuildInfo build;
  private volatile RunFlags flags = RunFlags.DEFAULT;
  private volatile Approver approver;
  private volatile boolean planOnly;

  public RunState(String runId, String pipeline, Path dir, EventSink events, SecretMasker masker,
      Supplier<ContainerEngine> engineFactory) {
    this.runId = runId;
    this.pipeline = pipeline;
    this.dir = dir;
    this.events = events;
    this.masker = masker;
    this.engineFactory = engineFactory;
    this.secrets = new SecretStore(Map.of(), Map.of(), masker);
    this.build = BuildInfo.of(pipeline, 0, runId, dir == null ? "." : dir.toString());
  }

  public String runId() {
    return runId;
  }

  public String pipeline() {
    return pipeline;
  }

  /** The pipeline's directory ({@code build.dir}); relative file paths resolve against it. */
  public Path dir() {
    return dir;
  }

  /** Where events go; already masking secrets when built by the facade. */
  public EventSink events() {
    return events;
  }

  public SecretMasker masker() {
    return masker;
  }

  /**
   * The engine, connected on first use. If {@link #connectEarly()} started connecting, this waits
   * for that connection (and shares its failure) instead of opening a second one.
   */
  public ContainerEngine engine() {
    FutureTask<ContainerEngine> task;
    synchronized (this) {
      if (engine != null) {
        return engine;
      }
      if (connecting == null) {
        connecting = new FutureTask<>(engineFactory::get);
      }
      task = connecting;
    }
    task.run(); // connects here unless the early connection is already under way or done
    ContainerEngine e;
    try {
      e = awaitConnection(task);
    } catch (RuntimeException | Error failed) {
      synchronized (this) {
        if (connecting == task) {
          connecting = null; // as before: the next use tries again
        }
      }
      throw failed;
    }
    synchronized (this) {
      engine = e;
    }
    return e;
  }

  /**
   * Starts connecting to the engine on a background thread, for a run whose checked program
   * uses Docker, so that the connection (and the client's warm-up, see
   * {@link ContainerEngine#warmUp()}) overlaps with planning instead of delaying the first
   * container. Failures are not reported here: the first real use of {@link #engine()} sees them.
   */
  public void connectEarly() {
    FutureTask<ContainerEngine> task;
    synchronized (this) {
      if (engine != null || connecting != null || planOnly) {
        return;
      }
      task = new FutureTask<>(engineFactory::get);
      connecting = task;
    }
    Thread.ofPlatform().daemon().name("slipway-engine-connect").start(() -> {
      task.run();
      try {
        task.get().warmUp(); // while the run's first operations already use the engine
      } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
        // only a head start: the real operations report their own failures
      }
    });
  }

  /**
   * The outcome of a connection attempt. Waiting ends when the caller is interrupted (a
   * cancelled run must not wait for an engine that does not answer); the attempt itself is
   * bounded by the engine's connect and ping timeouts.
   */
  private static ContainerEngine awaitConnection(FutureTask<ContainerEngine> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("connecting to the engine: interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** True once something asked for the engine. */
  public synchronized boolean engineUsed() {
    return engine != null;
  }

  // ------------------------------------------------------------ configuration (before the run)

  public RunState secrets(SecretStore store) {
    this.secrets = store;
    return this;
  }

  public SecretStore secrets() {
    return secrets;
  }

  public RunState build(BuildInfo info) {
    this.build = info;
    return this;
  }

  /** The {@code build} global. */
  public BuildInfo build() {
    return build;
  }

  public RunState flags(RunFlags f) {
    this.flags = f;
    return this;
  }

  public RunFlags flags() {
    return flags;
  }

  public RunState approver(Approver a) {
    this.approver = a;
    return this;
  }

  /** The terminal approver, or null when no terminal is attached. */
  public Approver approver() {
    return approver;
  }

  public RunState planOnly(boolean only) {
    this.planOnly = only;
    return this;
  }

  /** True while {@code slipway plan} evaluates the program: no Docker call may happen. */
  public boolean planOnly() {
    return planOnly;
  }

  /**
   * A run-scoped object of another area (the plan being built, the engine's resource tracker),
   * created on first request.
   */
  @SuppressWarnings("unchecked")
  public <T> T attribute(Class<T> key, Supplier<T> create) {
    return (T) attributes.computeIfAbsent(key, k -> create.get());
  }

  // ------------------------------------------------------------ cleanup

  /** A cleanup action and what it removes, for the log. */
  public record Cleanup(String what, Runnable action) {}

  /**
   * Registers an action to run when the run ends (removing a container, a network, ...). If
   * cleanup already ran, the action runs at once so that nothing is left behind.
   */
  public void onCleanup(String what, Runnable action) {
    synchronized (cleanups) {
      if (!cleanupStarted) {
        cleanups.push(new Cleanup(what, action));
        return;
      }
    }
    runQuietly(new Cleanup(what, action), new ArrayList<>());
  }

  /**
   * Runs every cleanup action, last registered first, exactly once; later calls wait for the
   * first to finish. Returns the failures as messages (cleanup never throws).
   */
  public List<String> cleanup() {
    List<Cleanup> todo = new ArrayList<>();
    synchronized (cleanups) {
      if (cleanupStarted) {
        todo = null;
      } else {
        cleanupStarted = true;
        while (!cleanups.isEmpty()) {
          todo.add(cleanups.pop());
        }
      }
    }
    if (todo == null) {
      awaitCleanup(60, TimeUnit.SECONDS);
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    try {
      for (Cleanup c : todo) {
        runQuietly(c, failures);
      }
    } finally {
      ContainerEngine connected = connectedEngine();
      if (connected != null) {
        try {
          connected.close();
        } catch (RuntimeException e) {
          failures.add("closing the engine: " + e.getMessage());
        }
      }
      cleanedUp.countDown();
    }
    return failures;
  }

  /**
   * The engine if connected, waiting for a connection still under way so that it is closed too,
   * except in a cancelled run: then nothing waits for an engine that may not answer, and the
   * connection is closed in the background once it completes (nothing was created through it).
   */
  private ContainerEngine connectedEngine() {
    FutureTask<ContainerEngine> task;
    synchronized (this) {
      if (engine != null || connecting == null) {
        return engine;
      }
      task = connecting;
    }
    if (!task.isDone() && isCancelled()) {
      Thread.ofPlatform().daemon().name("slipway-engine-close").start(() -> {
        try {
          task.get().close();
        } catch (ExecutionException | InterruptedException | RuntimeException never) {
          // never connected: nothing to close
        }
      });
      return null;
    }
    try {
      return awaitConnection(task);
    } catch (RuntimeException | Error e) {
      return null; // never connected (or interrupted): nothing to close
    }
  }

  /** Waits until a cleanup started elsewhere (the signal handler, the run) has finished. */
  public boolean awaitCleanup(long timeout, TimeUnit unit) {
    try {
      return cleanedUp.await(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void runQuietly(Cleanup c, List<String> failures) {
    try {
      c.action().run();
    } catch (RuntimeException e) {
      failures.add(c.what() + ": " + masker.mask(String.valueOf(e.getMessage())));
    }
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
