package io.slipway.engine;

import java.util.Map;

/** A user-defined network (bridge by default; {@code internal} has no route outside). */
public record NetworkSpec(String name, String driver, Map<String, String> labels,
    boolean internal) {
  public NetworkSpec {
    labels = Map.copyOf(labels);
  }
}
