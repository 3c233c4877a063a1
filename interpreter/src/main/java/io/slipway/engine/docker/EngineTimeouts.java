package io.slipway.engine.docker;

import java.time.Duration;
import java.util.Map;

/**
 * How long Slipway waits for the Docker engine. {@code connect} bounds opening a connection,
 * {@code ping} the first answer (an engine that accepts connections but never answers is
 * reported after this), {@code call} every other request that is not a long-running stream
 * (a stop waits its own stop timeout on top). Streams (build, pull, push, exec, logs, events,
 * attach, copies) have no deadline: they end with the run's cancellation or timeouts.
 *
 * <p>{@code SLIPWAY_ENGINE_TIMEOUT} (seconds) sets {@code call}; {@code ping} is the smaller of
 * 10 seconds and {@code call}.
 */
public record EngineTimeouts(Duration connect, Duration ping, Duration call) {
  /** The environment variable that sets {@link #call()} in seconds. */
  public static final String VARIABLE = "SLIPWAY_ENGINE_TIMEOUT";

  public static final EngineTimeouts DEFAULT =
      new EngineTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));

  /** The defaults, with {@code call} (and at most {@code ping}) from {@value #VARIABLE} when set. */
  public static EngineTimeouts from(Map<String, String> environment) {
    String v = environment.get(VARIABLE);
    if (v == null || v.isBlank()) {
      return DEFAULT;
    }
    long seconds;
    try {
      seconds = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(VARIABLE + " must be a whole number of seconds, not `" + v + "`");
    }
    if (seconds <= 0) {
      throw new IllegalArgumentException(VARIABLE + " must be positive, not " + seconds);
    }
    Duration call = Duration.ofSeconds(seconds);
    return new EngineTimeouts(DEFAULT.connect, call.compareTo(DEFAULT.ping) < 0 ? call : DEFAULT.ping, call);
  }

  /** Whole seconds as people write them ({@code 10s}). */
  static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
