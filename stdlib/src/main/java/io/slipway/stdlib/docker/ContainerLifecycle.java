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
    d.method("Container", "start").param("waitFor", "Readiness?", null, "null").effects(Effect.DOCKER)
        .doc("""
            Starts the container again after `stop` (or a crash), with the same settings, and \
            returns once `waitFor` passes. Starting a running container does nothing.""")
        .impl((cx, r, a) -> startAgain(cx, ContainerMethods.c(r), (Readiness) a[0]));
    d.method("Container", "restart").param("timeout", "Duration", Duration.ofSeconds(10), "10.seconds")
        .param("waitFor", "Readiness?", null, "null").effects(Effect.DOCKER)
        .doc("Stops the container (as `stop(timeout)`) and starts it again (as `start(waitFor)`).")
        .impl((cx, r, a) -> {
          stop(cx, ContainerMethods.c(r), (Duration) a[0]);
          return startAgain(cx, ContainerMethods.c(r), (Readiness) a[1]);
        });
    d.method("Container", "rename").param("name", "String").returns("Container").effects(Effect.DOCKER)
        .resultNamedBy("name")
        .doc("""
            Renames the container (`docker rename`) and returns it: `name` becomes its name and \
            its DNS name on the network it was started on (the engine name is scoped to the run, \
            like `start`'s). Renaming a running container reconnects it to that network, so its \
            address there may change. The container's host name cannot change, and the engine \
            also answers to it on the network: while it runs, the old name still reaches it. \
            Fails if a container of the run already has that name.""")
        .impl((cx, r, a) -> rename(cx, ContainerMethods.c(r), (String) a[0]));
    d.method("Container", "keep").returns("Container").effects(Effect.DOCKER).resultNamedBy("this")
        .doc("""
            Keeps the container after the run (like `Image.keep()`): it is not removed when its \
            stage or the run ends, and `slipway gc` leaves it alone.""")
        .impl((cx, r, a) -> keep(cx, ContainerMethods.c(r)));
  }

  /** {@code Container.start()}: starts a stopped container, then waits for readiness. */
  static Object startAgain(CallContext cx, ContainerValue c, Readiness waitFor) {
    DockerSession s = Calls.session(cx, c.engine());
    if (!ContainerMethods.info(cx, c).state().running()) {
      DockerSession.call("start " + c.name(), () -> {
        s.engine().startContainer(c.id());
        return null;
      });
    }
    if (waitFor != null) {
      Waiter.await(s, c, waitFor);
    }
    return Unit.INSTANCE;
  }

  /** {@code Container.rename(name)}: the engine name, the value and the DNS alias follow. */
  static ContainerValue rename(CallContext cx, ContainerValue c, String name) {
    if (name.isBlank() || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw io.slipway.value.SlipException.error("rename: `" + name + "` is not a container name"
          + " (letters, digits, `_`, `.`, `-`, starting with a letter or digit)");
    }
    DockerSession s = Calls.session(cx, c.engine());
    String engineName = s.labels().scoped(name);
    String old = c.name();
    DockerSession.call("rename " + old + " to " + name, () -> {
      s.engine().renameContainer(c.id(), engineName);
      if (c.network() != null) {
        // DNS: the new name answers on the container's network, the old one no longer does
        s.engine().disconnectNetwork(c.network(), c.id());
        s.engine().connectNetwork(c.network(), c.id(), java.util.List.of(name));
      }
      return null;
    });
    c.renamed(name, engineName);
    return c;
  }

  /** {@code Container.keep()}: never removed by the run, and journaled so gc leaves it. */
  static ContainerValue keep(CallContext cx, ContainerValue c) {
    DockerSession s = Calls.session(cx, c.engine());
    s.tracker().exempt(c.id());
    s.journal().keptContainer(s.engine().address(), c.id(), c.engineName());
    return c;
  }

  /** Stops a container and explains a stop that had to wait for SIGKILL. */
  static Object stop(CallContext cx, ContainerValue c, Duration timeout) {
    DockerSession s = Calls.session(cx, c.engine());
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
