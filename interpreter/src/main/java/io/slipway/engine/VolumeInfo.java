package io.slipway.engine;

import java.util.Map;

/** A named volume as the engine reports it. */
public record VolumeInfo(String name, String driver, Map<String, String> labels,
    String mountpoint) {
  public VolumeInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
