package io.slipway.compose.model;

import java.time.Duration;
import java.util.List;

/**
 * A health check in Docker's form: {@code test} starts with {@code CMD}, {@code CMD-SHELL} or
 * {@code NONE} (disabled); a string test is {@code CMD-SHELL}. Null durations and retries take
 * the image's or Docker's defaults.
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
    Integer retries) {
  public Healthcheck {
    test = test == null ? null : List.copyOf(test);
  }

  public boolean disabled() {
    return test != null && !test.isEmpty() && test.get(0).equals("NONE");
  }
}
