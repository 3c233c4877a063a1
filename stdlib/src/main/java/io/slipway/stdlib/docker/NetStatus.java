package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.netsim.Measurement;
import io.slipway.netsim.NetSim;
import io.slipway.netsim.Target;

/**
 * {@code net.status()}: Blockade's status table (NODE CONTAINER STATUS IP NETWORK PARTITION)
 * for every container on the network, plus what was requested of each, the backend used and
 * the last observation measured from it.
 */
final class NetStatus {
  private NetStatus() {}

  static String table(CallContext cx, NetworkValue n) {
    NetSim sim = NetsimCalls.sim(cx);
    DockerSession s = Calls.session(cx);
    String fmt = "%-12s %-13s %-8s %-15s %-10s %-9s %-28s %-16s %s%n";
    StringBuilder b = new StringBuilder(String.format(fmt, "NODE", "CONTAINER", "STATUS", "IP", "NETWORK",
        "PARTITION", "CONDITIONS", "BACKEND", "OBSERVED"));
    for (Target t : NetsimCalls.members(cx, n)) {
      String status = s.engine().inspectContainer(t.id()).map(c -> c.state().running()
          ? ("paused".equals(c.state().status()) ? "PAUSED" : "UP") : "DOWN").orElse("GONE");
      var c = sim.conditionsOf(t);
      String network = c.isEmpty() ? "NORMAL" : c.delayUs() > 0 ? "SLOW" : c.loss() > 0 || c.every() > 0 ? "FLAKY"
          : c.egressBps() > 0 || c.ingressBps() > 0 ? "LIMITED" : !c.dropFrom().isEmpty() ? "PARTITIONED" : "PROXIED";
      Measurement m = sim.lastObservation(t);
      b.append(String.format(fmt, t.name(), t.id().substring(0, 12), status, t.ip(), network,
          sim.partitionOf(t), c.describe(), sim.backendOf(t), m == null ? "-" : m.describe()));
    }
    return b.toString().stripTrailing();
  }
}
