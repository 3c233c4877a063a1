package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ContainerState;
import io.slipway.stdlib.Library;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.time.Duration;

/** Stopping, starting, restarting, renaming and keeping a {@code Container}. */
public final class ContainerLifecycle implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: containers");
    d.method("Container", "stop").param("timeout", "Duration", Duration.ofSeconds(10), "10.seconds").effects(Effect.DOCKER)
        .doc("""
            Stops the container: SIGTERM, then SIGKILL after `timeout`. When its main process \
            ignores SIGTERM (`sleep` or a plain shell as PID 1 does), the stop waits the whole \
            `timeout` and says so; start such containers with `init = true` or trap TERM.""")
        .impl((cx, r, a) -> stop(cx, ContainerMethods.c(r), (Duration) a[0]));
  }

  /** Stops a container and explains a stop that had to wait for SIGKILL. */
  static Object stop(CallContext cx, ContainerValue c, Duration timeout) {
    DockerSession s = Calls.session(cx);
    long start = System.nanoTime();
    DockerSession.call("stop " + c.name(), () -> {
      s.engine().stopContainer(c.id(), timeout);
      return null;
    });
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (took.compareTo(timeout) >= 0) {
      ContainerState st = ContainerMethods.info(cx, c).state();
      if (!st.running() && st.exitCode() == 137 && !st.oomKilled()) {
        Calls.output(cx, false).info("container `" + c.name() + "` ignored SIGTERM: it was killed after"
            + " waiting the whole stop timeout of " + Values.showDuration(timeout)
            + " (its main process, PID 1, does not handle SIGTERM, as `sleep` or a plain shell does);"
            + " start it with `init = true`, trap TERM in its command, or stop it with a shorter timeout");
      }
    }
    return Unit.INSTANCE;
  }
}
