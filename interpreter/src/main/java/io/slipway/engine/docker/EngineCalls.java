package io.slipway.engine.docker;

import io.slipway.engine.EngineException;
import io.slipway.engine.EngineUnavailable;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs each engine request on a worker thread while the caller waits, so that every request has
 * a deadline and every wait ends when the caller is interrupted (a stage timeout, a cancelled
 * run), whatever the transport. Blocking reads on docker-java's sockets cannot be relied on for
 * either: its Unix socket ignores {@code SO_TIMEOUT}, and a TCP or TLS read on a platform thread
 * ignores interruption. A worker left blocked by an engine that never answers is interrupted (which
 * closes a Unix socket) and otherwise released when the engine client closes its connections.
 *
 * <p>When a request misses its deadline, a ping tells a slow operation (an {@link
 * EngineException} for that call) from an engine that stopped answering ({@link
 * EngineUnavailable}); after the latter every later request fails at once, so that a run's
 * cleanup does not wait out one deadline per resource.
 */
final class EngineCalls implements AutoCloseable {
  private final String address;
  private final EngineTimeouts timeouts;
  private final ExecutorService workers = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("slipway-engine-call-", 0).factory());
  private volatile Runnable ping = () -> { };
  private volatile String unresponsive;

  EngineCalls(String address, EngineTimeouts timeouts) {
    this.address = address;
    this.timeouts = timeouts;
  }

  /** The request used to tell a slow operation from an engine that stopped answering. */
  void probeWith(Runnable ping) {
    this.ping = ping;
  }

  EngineTimeouts timeouts() {
    return timeouts;
  }

  /**
   * Runs {@code body} (which translates its own docker-java failures), waiting at most
   * {@code limit}, or without deadline when {@code limit} is null (a stream).
   */
  <T> T run(String what, Duration limit, Supplier<T> body) {
    String dead = unresponsive;
    if (dead != null) {
      throw new EngineUnavailable(address, dead);
    }
    Future<T> f = workers.submit(body::get);
    try {
      return limit == null ? f.get() : f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new EngineException(what + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new EngineException(what + ": interrupted");
    } catch (TimeoutException e) {
      f.cancel(true);
      throw overdue(what, limit);
    }
  }

  /** The failure for a request that missed its deadline. */
  private EngineException overdue(String what, Duration limit) {
    String waited = EngineTimeouts.show(limit);
    if (!"ping".equals(what) && answersPing()) {
      return new EngineException(what + ": the engine did not finish it within " + waited
          + " (" + EngineTimeouts.VARIABLE + " sets this limit in seconds)");
    }
    String reason = "ping".equals(what)
        ? "it accepted the connection but did not answer within " + waited
        : "it stopped answering (`" + what + "` got no reply within " + waited + ")";
    unresponsive = reason;
    return new EngineUnavailable(address, reason);
  }

  private boolean answersPing() {
    Future<?> f = workers.submit(ping);
    try {
      f.get(timeouts.ping().toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      return true; // not the engine's fault: report the slow call, not an unresponsive engine
    } catch (ExecutionException | TimeoutException e) {
      f.cancel(true);
      return false;
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
