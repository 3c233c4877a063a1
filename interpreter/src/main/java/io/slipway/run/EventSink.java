package io.slipway.run;

/** Receives run events; implementations must be safe to call from several threads at once. */
@FunctionalInterface
public interface EventSink {
  void emit(Event event);

  /** Discards everything (plan-only runs, tests). */
  EventSink NONE = e -> {};

  /** Sends every event to both sinks. */
  default EventSink and(EventSink other) {
    return e -> {
      emit(e);
      other.emit(e);
    };
  }
}
