package io.slipway.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM routed to one handler while installed; {@link #close()} puts back the
 * handlers that were there before. A signal the platform reserves (e.g. under {@code -Xrs}) is
 * left alone.
 */
final class TerminationSignals implements AutoCloseable {
  private final Map<String, SignalHandler> previous = new LinkedHashMap<>();

  private TerminationSignals() {}

  /** Routes INT and TERM to {@code handler} until closed. */
  static TerminationSignals install(Consumer<Signal> handler) {
    var signals = new TerminationSignals();
    for (String name : List.of("INT", "TERM")) {
      try {
        signals.previous.put(name, Signal.handle(new Signal(name), handler::accept));
      } catch (IllegalArgumentException e) {
        // the signal is reserved on this platform (e.g. the JVM was started with -Xrs)
      }
    }
    return signals;
  }

  @Override
  public void close() {
    previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
  }
}
