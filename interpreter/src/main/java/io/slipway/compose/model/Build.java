package io.slipway.compose.model;

import java.util.List;
import java.util.Map;

/**
 * {@code build}: {@code context} is an absolute directory or a URL; {@code dockerfile} is
 * relative to it (null: {@code Dockerfile}); {@code args} with a null value take the variable
 * from the environment, or are left out.
 */
public record Build(String context, String dockerfile, Map<String, String> args, String target,
    Map<String, String> labels, List<String> cacheFrom, String network, Long shmSize,
    Map<String, String> extraHosts) {
  public Build {
    args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    cacheFrom = List.copyOf(cacheFrom);
    extraHosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraHosts));
  }

  /** True when a build context is a URL (a git repository) rather than a directory. */
  public static boolean isUrl(String context) {
    return context.startsWith("http://") || context.startsWith("https://") || context.startsWith("git://")
        || context.startsWith("github.com/") || context.startsWith("git@");
  }
}
