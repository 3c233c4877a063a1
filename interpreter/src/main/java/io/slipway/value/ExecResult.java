package io.slipway.value;

import java.time.Duration;

/** The outcome of a command: {@code sh}, {@code exec}, {@code run}. */
public record ExecResult(int exitCode, String stdout, String stderr, Duration duration) {
  public boolean ok() {
    return exitCode == 0;
  }
}
