package io.slipway.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An image build. {@code dockerfile} is relative to {@code context} (compose's rule) or absolute;
 * a Dockerfile outside the context is sent along under a private name. {@code target} names a
 * stage of a multi-stage Dockerfile, or is null for the last one.
 */
public record BuildSpec(Path context, String dockerfile, List<String> tags, String target,
    Map<String, String> args, Map<String, String> labels, boolean noCache, boolean pull) {
  public BuildSpec {
    tags = List.copyOf(tags);
    args = Map.copyOf(args);
    labels = Map.copyOf(labels);
  }
}
