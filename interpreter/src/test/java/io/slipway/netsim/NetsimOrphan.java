package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A run killed with {@code kill -9} in the middle of network faults: applies loss, delay (the
 * delayer runs), egress and ingress rate, a partition and a proxied link (the proxy runs) to two containers it is given (which
 * carry no run labels, so that gc leaves them and the test can look inside), prints
 * {@code ready}, then waits to be killed.
 */
public final class NetsimOrphan {
  private NetsimOrphan() {}

  public static void main(String[] args) throws Exception {
    var labels = RunLabels.forCurrentProcess(args[0], "netsim-orphan");
    ContainerEngine engine = DockerJavaEngine.connect();
    SimHost host = new SimHost() {
      public ContainerEngine engine() {
        return engine;
      }

      public RunLabels labels() {
        return labels;
      }

      public Map<String, String> env() {
        return System.getenv();
      }

      public void say(String line) {
        System.err.println(line);
      }

      public void onCleanup(String what, Runnable action) {
        // killed before any cleanup could run
      }

      public boolean keep() {
        return false;
      }
    };
    NetSim sim = new NetSim(host);
    Target a = new Target(args[1], "a", args[2], "sim");
    Target b = new Target(args[3], "b", args[4], "sim");
    sim.flaky(List.of(a), 0.2, 0, null, false);
    sim.slow(List.of(a), Duration.ofMillis(30), Duration.ZERO, "auto", false, null, false);
    sim.limit(List.of(a), 8_000_000, 4_000_000, null, false);
    sim.partition(List.of(List.of(a), List.of(b)), false, null, false);
    sim.link(a, Link.to("b", args[4], 80).withLatency(50_000, 0), null, false);
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
