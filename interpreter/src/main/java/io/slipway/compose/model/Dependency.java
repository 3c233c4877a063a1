package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;

/** A {@code depends_on} entry: the service and when it counts as ready. */
public record Dependency(String service, Condition condition, Pos pos) {
  /** {@code depends_on} conditions. */
  public enum Condition {
    /** {@code service_started}: its containers were started. */
    STARTED("service_started"),
    /** {@code service_healthy}: its health check passes. */
    HEALTHY("service_healthy"),
    /** {@code service_completed_successfully}: it ran to completion with exit code 0. */
    COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String key;

    Condition(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Condition of(String key) {
      for (Condition c : values()) {
        if (c.key.equals(key)) {
          return c;
        }
      }
      throw new IllegalArgumentException(key);
    }
  }
}
