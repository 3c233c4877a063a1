package io.slipway.run;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One lazily opened connection to a container engine, kept by the {@link Session}: connected on
 * first use, or ahead of it on a background thread ({@link #connectEarly()}), shared by every
 * run of the session and closed when the session closes. A failed connection is not kept: the
 * next use tries again.
 */
public final class EngineConnection {
  private final Supplier<ContainerEngine> factory;
  private ContainerEngine engine;
  private FutureTask<ContainerEngine> connecting;

  public EngineConnection(Supplier<ContainerEngine> factory) {
    this.factory = factory;
  }

  /**
   * The engine, connected on first use. If {@link #connectEarly()} started connecting, this waits
   * for that connection (and shares its failure) instead of opening a second one.
   */
  public ContainerEngine get() {
    FutureTask<ContainerEngine> task;
    synchronized (this) {
      if (engine != null) {
        return engine;
      }
      if (connecting == null) {
        connecting = new FutureTask<>(factory::get);
      }
      task = connecting;
    }
    task.run(); // connects here unless the early connection is already under way or done
    ContainerEngine e;
    try {
      e = await(task);
    } catch (RuntimeException | Error failed) {
      synchronized (this) {
        if (connecting == task) {
          connecting = null; // the next use tries again
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
   * Starts connecting on a background thread, so that the connection overlaps with planning
   * instead of delaying the first container. Failures are not reported here: the first real use of {@link #get()} sees them.
   */
  public void connectEarly() {
    FutureTask<ContainerEngine> task;
    synchronized (this) {
      if (engine != null || connecting != null) {
        return;
      }
      task = new FutureTask<>(factory::get);
      connecting = task;
    }
    // failures are kept in the task: the first real use of get() reports them
    Thread.ofPlatform().daemon().name("slipway-engine-connect").start(task);
  }

  /** True once something got the engine. */
  public synchronized boolean used() {
    return engine != null;
  }

  /**
   * Closes the engine if it was connected. A connection still under way is waited for so that
   * it is closed too, unless {@code wait} is false (a cancelled run must not wait for an engine
   * that may not answer): then it is closed in the background once it completes (nothing was
   * created through it). Returns the failure message, or null.
   */
  public String close(boolean wait) {
    FutureTask<ContainerEngine> task;
    ContainerEngine e;
    synchronized (this) {
      e = engine;
      task = connecting;
      engine = null;
      connecting = null;
    }
    if (e == null && task != null) {
      if (!task.isDone() && !wait) {
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
        e = await(task);
      } catch (RuntimeException | Error never) {
        return null; // never connected (or interrupted): nothing to close
      }
    }
    if (e == null) {
      return null;
    }
    try {
      e.close();
      return null;
    } catch (RuntimeException ex) {
      return "closing the engine: " + ex.getMessage();
    }
  }

  /**
   * The outcome of a connection attempt. Waiting ends when the caller is interrupted (a
   * cancelled run must not wait for an engine that does not answer); the attempt itself is
   * bounded by the engine's connect and ping timeouts.
   */
  private static ContainerEngine await(FutureTask<ContainerEngine> task) {
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
}
