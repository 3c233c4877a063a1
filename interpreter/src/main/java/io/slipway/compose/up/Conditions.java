package io.slipway.compose.up;

import io.slipway.compose.model.Dependency;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerState;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Waits for a {@code depends_on} condition of a dependency's containers: healthy (its health
 * check passes) or completed successfully (it exited with code 0). Fails at once, naming the
 * container and its state, when the condition can no longer be met (unhealthy, exited, no health
 * check), and after {@code timeout}.
 */
final class Conditions {
  private Conditions() {}

  static void await(String service, String dependency, Dependency.Condition condition,
      Supplier<List<ContainerInfo>> containers, Duration timeout) throws InterruptedException {
    if (condition == Dependency.Condition.STARTED) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 100;
    while (true) {
      List<ContainerInfo> cs = containers.get();
      if (cs.isEmpty()) {
        throw new ComposeException("`" + service + "` depends on `" + dependency + "`, which has no container");
      }
      boolean met = true;
      for (ContainerInfo c : cs) {
        met &= check(service, dependency, condition, c);
      }
      if (met) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ComposeException("`" + service + "` waited " + io.slipway.compose.load.Units.format(timeout)
            + " for `" + dependency + "` to be " + what(condition) + "; it is "
            + cs.get(0).state().describe());
      }
      Thread.sleep(pause);
      pause = Math.min(1000, pause * 3 / 2);
    }
  }

  private static String what(Dependency.Condition c) {
    return c == Dependency.Condition.HEALTHY ? "healthy" : "completed successfully";
  }

  /** True when met; throws when it cannot be met any more. */
  private static boolean check(String service, String dependency, Dependency.Condition condition, ContainerInfo c) {
    ContainerState s = c.state();
    if (condition == Dependency.Condition.HEALTHY) {
      if (s.running() && s.health() == null) {
        throw new ComposeException("`" + service + "` needs `" + dependency + "` healthy, but `" + c.name()
            + "` has no health check (add a `healthcheck:` to `" + dependency + "`)");
      }
      if ("healthy".equals(s.health())) {
        return true;
      }
      if ("unhealthy".equals(s.health())) {
        throw new ComposeException("`" + service + "` needs `" + dependency + "` healthy, but `" + c.name()
            + "` is unhealthy");
      }
      if (!s.running() && !"created".equals(s.status()) && !"restarting".equals(s.status())) {
        throw new ComposeException("`" + service + "` needs `" + dependency + "` healthy, but `" + c.name()
            + "` " + s.describe());
      }
      return false;
    }
    if (s.running() || "created".equals(s.status()) || "restarting".equals(s.status())) {
      return false;
    }
    if (s.exitCode() != 0) {
      throw new ComposeException("`" + service + "` needs `" + dependency + "` to complete successfully, but `"
          + c.name() + "` " + s.describe());
    }
    return true;
  }
}
