package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;
import java.util.Map;

/**
 * A top-level named volume. {@code name} is the engine's name: {@code <project>_<key>}, or the
 * given {@code name}, or for an {@code external} volume the existing volume's name.
 */
public record VolumeDef(String key, String name, String driver, Map<String, String> driverOpts,
    boolean external, Map<String, String> labels, Pos pos) {
  public VolumeDef {
    driverOpts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(driverOpts));
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }
}
