package io.slipway.engine;

import java.util.Map;

/**
 * A user-defined network (bridge by default; {@code internal} has no route outside).
 * {@code attachable} lets standalone containers join a swarm-scoped network; {@code options} are
 * driver options; {@code ipam} null leaves address management to Docker.
 */
public record NetworkSpec(String name, String driver, Map<String, String> labels,
    boolean internal, boolean attachable, Map<String, String> options, Ipam ipam, boolean ipv6) {
  public NetworkSpec {
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  public NetworkSpec(String name, String driver, Map<String, String> labels, boolean internal) {
    this(name, driver, labels, internal, false, Map.of(), null, false);
  }

  /** IP address management: a driver (null: default), pools and driver options. */
  public record Ipam(String driver, java.util.List<Pool> pools, Map<String, String> options) {
    public Ipam {
      pools = java.util.List.copyOf(pools);
      options = Map.copyOf(options);
    }
  }

  /** An address pool; null fields are chosen by Docker. */
  public record Pool(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public Pool {
      auxAddresses = Map.copyOf(auxAddresses);
    }
  }
}
