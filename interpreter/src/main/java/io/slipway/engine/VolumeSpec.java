package io.slipway.engine;

import java.util.Map;

/** A named volume. */
public record VolumeSpec(String name, Map<String, String> labels) {
  public VolumeSpec {
    labels = Map.copyOf(labels);
  }
}
