package io.slipway.engine;

import java.util.Map;

/** A network; {@code containers} maps container id to its IPv4 address on this network. */
public record NetworkInfo(String id, String name, String driver, Map<String, String> labels,
    Map<String, String> containers) {
  public NetworkInfo {
    labels = Map.copyOf(labels);
    containers = Map.copyOf(containers);
  }
}
