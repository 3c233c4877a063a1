package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;
import java.util.Map;

/**
 * A top-level secret or config: read from {@code file} (absolute), or {@code external} (it
 * exists in the Swarm under {@code name}), or from an {@code environment} variable.
 */
public record FileDef(String key, String name, String file, String environment, boolean external,
    Map<String, String> labels, Pos pos) {
  public FileDef {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }
}
