package io.slipway.snippets;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects run events and renders them deterministically for golden files: top-level output
 * first, then each stage's output and result in plan order (parallel stages' lines are grouped
 * by stage, so interleaving does not matter), then {@code post}, then the run's result.
 * Durations and step events are left out.
 */
final class TranscriptSink implements EventSink {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void emit(Event event) {
    events.add(event);
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  synchronized String runId() {
    for (Event e : events) {
      if (e instanceof Event.RunStarted r) {
        return r.runId();
      }
    }
    return null;
  }

  synchronized String render() {
    Map<String, List<String>> byStage = new LinkedHashMap<>();
    byStage.put(null, new ArrayList<>());
    for (Event e : events) {
      if (e instanceof Event.RunStarted r) {
        r.stages().forEach(s -> byStage.put(s.name(), new ArrayList<>()));
      }
    }
    var tail = new ArrayList<String>();
    for (Event e : events) {
      switch (e) {
        case Event.Log l -> byStage.computeIfAbsent(l.stage(), k -> new ArrayList<>())
            .add((l.stage() == null ? "" : "[" + l.stage() + "] ")
                + (l.stream() == Event.Stream.STDERR ? "! " : "") + l.line());
        case Event.StageFinished f -> byStage.computeIfAbsent(f.stage(), k -> new ArrayList<>())
            .add("[" + f.stage() + "] " + f.status().label()
                + (f.error() == null ? "" : ": " + f.error()));
        case Event.RunFinished f -> tail.add("run " + f.status().label() + " (exit "
            + f.exitCode() + ")");
        default -> { }
      }
    }
    var sb = new StringBuilder();
    byStage.values().forEach(lines -> lines.forEach(l -> sb.append(l).append('\n')));
    tail.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }
}
