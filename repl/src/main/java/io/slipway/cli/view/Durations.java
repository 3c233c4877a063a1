package io.slipway.cli.view;

import java.time.Duration;

/** Human durations as the views print them: {@code 350ms}, {@code 1.2s}, {@code 1m30s}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    if (d == null) {
      return "-";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60) + "s";
    }
    return (s / 3600) + "h" + (s % 3600 / 60) + "m";
  }
}
