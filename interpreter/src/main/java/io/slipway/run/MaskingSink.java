package io.slipway.run;

/**
 * Passes every event on with each of its text fields in visible form and every registered
 * secret masked ({@link SecretMasker#mask}): log lines, step descriptions, errors, and the
 * names too (stage, group, needs, pipeline, resource names), because a stage named from a
 * computed value can hold a secret. Every sink of a run sits behind one, so no view (terminal,
 * CI lines, JSON, JUnit, HTML) receives a secret or a terminal control sequence.
 *
 * <p>The switch is exhaustive on purpose: a new event type does not compile until its text
 * fields are masked here.
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

  private String m(String s) {
    return masker.mask(s);
  }

  private Event mask(Event e) {
    return switch (e) {
      case Event.RunStarted r -> new Event.RunStarted(r.time(), m(r.runId()), m(r.pipeline()),
          r.buildNumber(), m(r.file()), r.stages().stream()
              .map(s -> new Event.StageInfo(m(s.name()), s.needs().stream().map(this::m).toList(),
                  m(s.group())))
              .toList());
      case Event.StageStarted s -> new Event.StageStarted(s.time(), m(s.stage()));
      case Event.StageFinished f -> new Event.StageFinished(f.time(), m(f.stage()), f.status(),
          f.duration(), m(f.error()));
      case Event.StepStarted s -> new Event.StepStarted(s.time(), m(s.stage()), s.step(),
          m(s.description()), s.line());
      case Event.StepFinished s -> new Event.StepFinished(s.time(), m(s.stage()), s.step(),
          s.status(), s.duration(), s.exitCode());
      case Event.Log l -> new Event.Log(l.time(), m(l.stage()), l.stream(), m(l.line()));
      case Event.Resource r -> new Event.Resource(r.time(), m(r.stage()), m(r.kind()),
          m(r.action()), m(r.id()), m(r.name()));
      case Event.RunFinished f -> new Event.RunFinished(f.time(), f.status(), f.duration(),
          m(f.error()), f.exitCode());
    };
  }
}
