package io.slipway.engine;

import java.util.List;
import java.util.Map;

/** An image as the engine knows it. {@code size} is in bytes. */
public record ImageInfo(String id, List<String> tags, long size, Map<String, String> labels,
    String created) {
  public ImageInfo {
    tags = List.copyOf(tags);
    labels = Map.copyOf(labels);
  }
}
