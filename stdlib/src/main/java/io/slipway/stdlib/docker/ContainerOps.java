package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.HealthSpec;
import io.slipway.engine.Mount;
import io.slipway.engine.PortBinding;
import io.slipway.engine.ResourceTracker;
import io.slipway.value.ExecResult;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starting containers and running commands in them: the logic behind the container builtins. */
final class ContainerOps {
  private ContainerOps() {}

  /**
   * The arguments of {@code start}/{@code run}/{@code service}, already converted. {@code image}
   * is what the engine runs (an {@code Image}'s id when known, so another run moving a tag
   * cannot change it), {@code shown} how messages name it.
   */
  record StartArgs(String image, String name, NetworkValue network, List<Pair> ports,
      Map<String, String> env, List<String> command, List<Pair> volumes, Readiness healthcheck,
      Readiness waitFor, String workdir, String user, boolean init, String shown, boolean replace) {}

  /** Creates and starts a container of the run, waits for readiness, returns it. */
  static ContainerValue start(CallContext cx, StartArgs a, Output out) {
    return start(cx, a, out, io.slipway.scope.ResourceScope.Lifetime.RUN);
  }

  /**
   * Creates and starts a container that lives until the nearest enclosing scope of
   * {@code lifetime} ends ({@code STAGE} for a stage's {@code service}).
   */
  static ContainerValue start(CallContext cx, StartArgs a, Output out,
      io.slipway.scope.ResourceScope.Lifetime lifetime) {
    DockerSession s = Calls.session(cx);
    ContainerEngine engine = s.engine();
    DockerSession.call("pull " + a.shown(), () -> {
      s.ensureImage(a.image(), out);
      return null;
    });
    String userName = a.name() == null ? "c" + Long.toHexString(System.nanoTime() & 0xffffff) : a.name();
    String engineName = s.labels().scoped(userName);
    var b = ContainerSpec.builder(a.image()).name(engineName)
        .labels(s.labelsFor(Calls.stageName(cx))).env(a.env()).command(a.command())
        .workdir(a.workdir()).user(a.user()).init(a.init()).hostname(userName);
    if (a.network() != null) {
      sameEngine(s, a.network().engine(), "network `" + a.network().name() + "`");
      b.network(a.network().engineName()).alias(userName);
    }
    for (Pair p : a.ports()) {
      b.port(PortBinding.tcp(Calls.toInt(p.first()), Calls.toInt(p.second())));
    }
    for (Pair v : a.volumes()) {
      String target = String.valueOf(v.second());
      if (v.first() instanceof VolumeValue vol) {
        sameEngine(s, vol.engine(), "volume `" + vol.name() + "`");
        b.mount(Mount.volume(vol.engineName(), target));
      } else if (s.target() != null) {
        throw SlipException.error("`" + v.first() + "` is a host path: a container on "
            + s.target().address() + " cannot bind-mount this machine's files; use a `volume(..)`"
            + " or copy them in with `copyTo`");
      } else {
        b.mount(Mount.bind(io.slipway.run.Workspace.of(Calls.run(cx))
            .resolve("volumes", String.valueOf(v.first())).toString(), target));
      }
    }
    if (a.healthcheck() != null) {
      b.healthcheck(healthSpec(a.healthcheck()));
    }
    if (a.replace() && a.name() != null) {
      var old = DockerSession.call("inspect " + userName, () -> engine.inspectContainer(engineName));
      if (old.isPresent()) {
        return ContainerSwap.replace(cx, s, old.get(), b, a, userName, engineName, lifetime);
      }
    }
    ContainerSpec spec = b.build();
    String id = s.createContainer("create container " + userName, engineName,
        () -> engine.createContainer(spec));
    s.tracker().created(cx.scope(), lifetime, ResourceTracker.Kind.CONTAINER, id, engineName,
        Calls.stageName(cx));
    DockerSession.call("start container " + userName, () -> {
      engine.startContainer(id);
      return null;
    });
    var c = new ContainerValue(id, userName, engineName, a.shown(),
        a.network() == null ? null : a.network().engineName(), s.target());
    if (a.waitFor() != null) {
      Waiter.await(s, c, a.waitFor());
    }
    return c;
  }

  /** A Docker HEALTHCHECK for a readiness condition that can run inside the container. */
  static HealthSpec healthSpec(Readiness r) {
    Duration every = Duration.ofSeconds(1);
    return switch (r) {
      // busybox nc has no -z: fall back to a connect with stdin closed
      case Readiness.Tcp t -> HealthSpec.shell("nc -z 127.0.0.1 " + t.port() + " 2>/dev/null || nc -w 2 127.0.0.1 "
          + t.port() + " </dev/null >/dev/null 2>&1", every);
      case Readiness.Http h -> HealthSpec.shell("wget -q -O /dev/null http://127.0.0.1:" + h.port() + h.path(), every);
      case Readiness.Healthy h -> throw SlipException.error("`healthy()` is a `waitFor` condition, not a healthcheck: use `tcp(port)` or `http(port, path)`");
      case Readiness.Log l -> throw SlipException.error("`log(regex)` is a `waitFor` condition, not a healthcheck: use `tcp(port)` or `http(port, path)`");
    };
  }

  /** Fails when an object of one engine is used with a container on another. */
  static void sameEngine(DockerSession s, io.slipway.engine.EngineTarget objectEngine, String what) {
    if (!java.util.Objects.equals(s.target(), objectEngine)) {
      throw SlipException.error(what + " is on " + where(objectEngine) + ", not on "
          + where(s.target()) + " where this container is created");
    }
  }

  /** How an engine is named in messages. */
  static String where(io.slipway.engine.EngineTarget t) {
    return t == null ? "the default engine" : "engine " + t.address();
  }

  /** Runs a command in a running container; StepFailed on non-zero unless {@code check} is false. */
  static ExecResult exec(CallContext cx, ContainerValue c, Object command, Map<String, String> env,
      String workdir, String user, boolean check, boolean quiet) {
    DockerSession s = Calls.session(cx, c.engine());
    Output out = Calls.output(cx, quiet);
    Map<String, String> all = new java.util.LinkedHashMap<>(Calls.dynamicEnv(cx));
    all.putAll(env);
    long start = System.nanoTime();
    int code = DockerSession.call("exec in " + c.name(), () ->
        s.engine().exec(c.id(), new ExecSpec(Calls.command(command), all, workdir, user), out.sink()));
    out.finish();
    var result = new ExecResult(code, out.stdout(), out.stderr(), Duration.ofNanos(System.nanoTime() - start));
    if (check && code != 0) {
      // the container's death ends the exec as well: name that cause, not the command; the
      // engine may report the exec's end before the container's, so a signal code waits
      // (bounded) for the container's state to settle
      Duration settle = io.slipway.engine.ContainerSettling.maybeContainerDeath(code)
          ? io.slipway.engine.ContainerSettling.SIGNAL_EXIT : Duration.ZERO;
      var state = DockerSession.call("inspect " + c.name(), () -> {
        try {
          return io.slipway.engine.ContainerSettling.settle(s.engine(), c.id(), settle);
        } catch (InterruptedException e) {
          throw DockerSession.<RuntimeException>sneaky(e);
        }
      });
      String why = state.isEmpty() ? "container `" + c.name() + "` was removed while `"
              + out.mask(Calls.display(command)) + "` was running"
          : !state.get().running() ? "container `" + c.name() + "` exited (" + state.get().exitSummary()
              + ") while `" + out.mask(Calls.display(command)) + "` was running"
          : "command `" + out.mask(Calls.display(command)) + "` exited with " + code + " in container `"
              + c.name() + "`";
      throw Calls.stepFailed(why, result);
    }
    return result;
  }
}
