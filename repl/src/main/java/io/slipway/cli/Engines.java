package io.slipway.cli;

import io.slipway.api.Slipway;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineUnavailable;
import java.util.function.Supplier;

/**
 * Where the CLI gets its collaborators. The Docker engine is only reached through
 * {@link #docker()}, whose supplier loads the docker-java classes when first called, so
 * {@code check}, {@code plan} and pipelines without containers never load them.
 */
final class Engines {
  private Engines() {}

  static Slipway slipway(Cli cli) {
    return new Slipway(cli.warmup().registry());
  }

  /** Connects on first call, honouring {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, ... */
  static Supplier<ContainerEngine> docker() {
    return DockerConnector::connect;
  }

  /** Connects now, or a {@link UserError} (exit 3) naming the address tried. */
  static ContainerEngine connectOrFail() {
    try {
      return DockerConnector.connect();
    } catch (EngineUnavailable e) {
      throw new UserError(ExitCode.INFRASTRUCTURE, e.getMessage());
    }
  }

  /**
   * The engine for one {@code slipway run}, whose connection may start before the run does:
   * {@link #start()} (called once the file is parsed and is seen to use Docker) connects on a
   * background thread while the file is still being checked, so that docker-java's set-up and the
   * ping overlap the check instead of following it. The first {@link #get()} takes that
   * connection (waiting for it, and failing as it failed); any later one connects anew, as
   * {@link #docker()} does. Never started, it never loads docker-java.
   */
  static final class Early implements Supplier<ContainerEngine> {
    private final Supplier<ContainerEngine> connector;
    private java.util.concurrent.FutureTask<ContainerEngine> pending;
    private boolean taken;

    Early() {
      this(DockerConnector::connect);
    }

    /** @param connector connects (and pings), as {@link #docker()} does */
    Early(Supplier<ContainerEngine> connector) {
      this.connector = connector;
    }

    /** Starts connecting, unless already started. */
    synchronized void start() {
      if (pending != null || taken) {
        return;
      }
      var task = new java.util.concurrent.FutureTask<>(connector::get);
      pending = task;
      // a failure is kept in the task: the first real use reports it
      Thread.ofPlatform().daemon().name("slipway-engine-early").start(task);
    }

    @Override
    public ContainerEngine get() {
      java.util.concurrent.FutureTask<ContainerEngine> task;
      synchronized (this) {
        task = pending;
        pending = null;
        taken = true;
      }
      if (task == null) {
        return connector.get();
      }
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.slipway.engine.EngineException("connecting to the engine: interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** Closes a connection started but never taken (the run ended before needing it). */
    void closeUnclaimed() {
      java.util.concurrent.FutureTask<ContainerEngine> task;
      synchronized (this) {
        task = pending;
        pending = null;
        taken = true;
      }
      if (task != null) {
        Thread.ofPlatform().daemon().name("slipway-engine-close").start(() -> {
          try {
            task.get().close();
          } catch (java.util.concurrent.ExecutionException | InterruptedException | RuntimeException never) {
            // never connected: nothing to close
          }
        });
      }
    }
  }

  /** A separate class so that merely loading {@link Engines} never links docker-java. */
  private static final class DockerConnector {
    static ContainerEngine connect() {
      return io.slipway.engine.docker.DockerJavaEngine.connect();
    }
  }
}
