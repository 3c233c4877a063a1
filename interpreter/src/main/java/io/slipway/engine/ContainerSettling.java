package io.slipway.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds out whether a container died under a process that ended abnormally (an exec that exited
 * with a signal's code, an attached shell whose stream closed). The engine reports the process's
 * end before it has processed the container's own exit: an inspect made at once can still say
 * "running" for a container that was killed. So the state is polled, for a bounded time, until
 * the container is seen stopped or gone; a container still running at the deadline is taken to be
 * alive (the process ended on its own).
 */
public final class ContainerSettling {
  /** How long an attached stream's end may take to show as the container's exit. */
  public static final Duration STREAM_ENDED = bound("slipway.settle.stream", Duration.ofSeconds(10));
  /** How long an exec's signal exit code may take to show as the container's exit. */
  public static final Duration SIGNAL_EXIT = bound("slipway.settle.signal", Duration.ofSeconds(5));

  private ContainerSettling() {}

  /**
   * The container's state once it is no longer running, or its running state when
   * {@code bound} passed without a change; empty when the container no longer exists.
   */
  public static Optional<ContainerState> settle(ContainerEngine engine, String id, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    long pause = 20;
    while (true) {
      Optional<ContainerState> state = engine.inspectContainer(id).map(ContainerInfo::state);
      if (state.isEmpty() || !state.get().running() || System.nanoTime() >= deadline) {
        return state;
      }
      Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      pause = Math.min(pause * 2, 250);
    }
  }

  /**
   * True when an exec's exit code may mean that its container died: no code at all, or 128 plus
   * a signal number (killing a container kills every process in it).
   */
  public static boolean maybeContainerDeath(int execExitCode) {
    return execExitCode < 0 || execExitCode > 128;
  }

  private static Duration bound(String property, Duration fallback) {
    String v = System.getProperty(property);
    if (v == null) {
      return fallback;
    }
    try {
      return Duration.ofMillis(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
