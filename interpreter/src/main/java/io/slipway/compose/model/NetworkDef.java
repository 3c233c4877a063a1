package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;
import java.util.List;
import java.util.Map;

/**
 * A network of the project. {@code name} is the engine's name: {@code <project>_<key>} (so the
 * implicit {@code default} network is {@code <project>_default}), or the given {@code name}, or
 * for an {@code external} network the existing network's name.
 */
public record NetworkDef(String key, String name, String driver, Map<String, String> driverOpts,
    Ipam ipam, boolean external, boolean internal, Boolean attachable, Boolean enableIpv6,
    Map<String, String> labels, Pos pos) {
  public NetworkDef {
    driverOpts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(driverOpts));
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }

  /** IP address management: the driver, its pools and options. */
  public record Ipam(String driver, List<Pool> config, Map<String, String> options) {
    public Ipam {
      config = List.copyOf(config);
      options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
  }

  /** One address pool. */
  public record Pool(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public Pool {
      auxAddresses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auxAddresses));
    }
  }
}
