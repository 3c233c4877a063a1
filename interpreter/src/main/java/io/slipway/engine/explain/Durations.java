package io.slipway.engine.explain;

import java.time.Duration;

/** Durations as the docker CLI's flags take them (Go's syntax: {@code 30s}, {@code 1m30s}, {@code 500ms}). */
final class Durations {
  private Durations() {}

  static String go(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s >= 60 && s % 60 == 0) {
      return s % 3600 == 0 && s >= 3600 ? s / 3600 + "h" : s / 60 + "m";
    }
    return s + "s";
  }
}
