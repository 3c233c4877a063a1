package io.slipway.engine;

import java.util.Map;

/** A named volume; {@code driver} null is Docker's {@code local}. */
public record VolumeSpec(String name, Map<String, String> labels, String driver, Map<String, String> driverOpts) {
  public VolumeSpec {
    labels = Map.copyOf(labels);
    driverOpts = Map.copyOf(driverOpts);
  }

  public VolumeSpec(String name, Map<String, String> labels) {
    this(name, labels, null, Map.of());
  }
}
