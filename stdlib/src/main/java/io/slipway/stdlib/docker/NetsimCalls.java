package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.netsim.NetSim;
import io.slipway.netsim.NetsimException;
import io.slipway.netsim.RunSimHost;
import io.slipway.netsim.Target;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The glue between the §9 builtins and {@link NetSim}: one simulation per run (a service of the
 * run's scope, on the run's engine), containers turned into {@link Target}s on a network, and
 * simulation errors turned into {@code EngineError}s.
 */
final class NetsimCalls {
  private NetsimCalls() {}

  /**
   * The run's simulation (the one {@code :net} in the REPL drives too), on this session's engine;
   * what it says goes to the calling step's output.
   */
  static NetSim sim(CallContext cx) {
    Output out = Calls.output(cx, false);
    return RunSimHost.simulation(Calls.run(cx), Calls.session(cx).engine(), out::info);
  }

  /** {@code c} on network {@code n}: its address there, or an error naming both. */
  static Target target(CallContext cx, NetworkValue n, ContainerValue c) {
    var info = ContainerMethods.info(cx, c);
    String ip = info.networks().get(n.engineName());
    if (ip == null || ip.isEmpty()) {
      throw SlipException.engine("container `" + c.name() + "` is not on network `" + n.name()
          + "` (network conditions apply to the network they are called on)");
    }
    return new Target(c.id(), c.name(), ip, n.name());
  }

  static List<Target> targets(CallContext cx, NetworkValue n, List<?> containers) {
    if (containers.isEmpty()) {
      throw SlipException.engine("name at least one container");
    }
    List<Target> l = new ArrayList<>();
    for (Object o : containers) {
      l.add(target(cx, n, (ContainerValue) o));
    }
    return l;
  }

  /** Every container on {@code n} (the engine's view), as targets with their names. */
  static List<Target> members(CallContext cx, NetworkValue n) {
    DockerSession s = Calls.session(cx);
    var info = DockerSession.call("inspect network " + n.name(), () -> s.engine().inspectNetwork(n.id()))
        .orElseThrow(() -> SlipException.engine("network `" + n.name() + "` no longer exists"));
    List<Target> l = new ArrayList<>();
    info.containers().forEach((id, ip) -> s.engine().inspectContainer(id).ifPresent(c -> {
      if (!c.labels().containsKey("io.slipway.netsim.target")) {
        String alias = c.name().endsWith("-" + s.labels().suffix())
            ? c.name().substring(0, c.name().length() - 9) : c.name();
        l.add(new Target(id, alias, ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip, n.name()));
      }
    }));
    return l;
  }

  /** Runs a simulation call; its errors become {@code EngineError}s with the message as is. */
  static <T> T call(Supplier<T> body) {
    try {
      return DockerSession.call("network simulation", body);
    } catch (NetsimException e) {
      throw SlipException.engine(e.getMessage());
    }
  }
}
