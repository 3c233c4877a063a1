package io.slipway.engine;

import java.time.Duration;
import java.util.List;

/**
 * A Docker HEALTHCHECK for a container: {@code test} as Docker expects ({@code CMD-SHELL ...},
 * {@code NONE} to disable the image's). A null duration, or null {@code retries}, leaves the
 * image's or Docker's default.
 */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, Integer retries,
    Duration startPeriod) {
  public HealthSpec {
    test = List.copyOf(test);
  }

  public HealthSpec(List<String> test, Duration interval, Duration timeout, int retries) {
    this(test, interval, timeout, retries, null);
  }

  /** A shell command run every {@code interval}. */
  public static HealthSpec shell(String command, Duration interval) {
    return new HealthSpec(List.of("CMD-SHELL", command), interval, Duration.ofSeconds(5), 3);
  }
}
