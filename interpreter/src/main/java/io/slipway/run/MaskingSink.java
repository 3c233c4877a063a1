package io.slipway.run;

/**
 * Masks every registered secret value in an event's text before passing it on, so that no view
 * (terminal, CI lines, JSON, reports) ever receives a secret. Every sink of a run sits behind one.
 */
public final class MaskingSink implements EventSink {
  private final EventSink next;
  private final SecretMasker masker;

  public MaskingSink(EventSink next, SecretMasker masker) {
    this.next = next;
    this.masker = masker;
  }

  @Override
  public void emit(Event event) {
    next.emit(mask(event));
  }

  private Event mask(Event e) {
    if (masker.values().isEmpty()) {
      return e;
    }
    return switch (e) {
      case Event.Log l -> new Event.Log(l.time(), l.stage(), l.stream(), masker.mask(l.line()));
      case Event.StepStarted s -> new Event.StepStarted(s.time(), s.stage(), s.step(),
          masker.mask(s.description()), s.line());
      case Event.StageFinished f -> new Event.StageFinished(f.time(), f.stage(), f.status(),
          f.duration(), masker.mask(f.error()));
      case Event.RunFinished f -> new Event.RunFinished(f.time(), f.status(), f.duration(),
          masker.mask(f.error()), f.exitCode());
      case Event.Resource r -> new Event.Resource(r.time(), r.stage(), r.kind(), r.action(),
          r.id(), masker.mask(r.name()));
      default -> e;
    };
  }
}
