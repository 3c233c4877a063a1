package io.slipway.engine;

/**
 * A bind mount ({@code source} is a host path) or a named volume ({@code volume = true},
 * {@code source} is the volume name) at {@code target} inside the container.
 */
public record Mount(String source, String target, boolean readOnly, boolean volume) {
  public static Mount bind(String hostPath, String target) {
    return new Mount(hostPath, target, false, false);
  }

  public static Mount volume(String name, String target) {
    return new Mount(name, target, false, true);
  }
}
