package io.slipway.engine;

import java.time.Duration;
import java.util.List;

/** A Docker HEALTHCHECK for a container: {@code test} as Docker expects ({@code CMD-SHELL ...}). */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, int retries) {
  public HealthSpec {
    test = List.copyOf(test);
  }

  /** A shell command run every {@code interval}. */
  public static HealthSpec shell(String command, Duration interval) {
    return new HealthSpec(List.of("CMD-SHELL", command), interval, Duration.ofSeconds(5), 3);
  }
}
