package io.slipway.cli.view;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --json}: one JSON object per event per line. Field names are stable and documented in
 * the README ("JSON events"); every object has {@code type}, {@code time} (ISO-8601 UTC) and,
 * for stage-scoped events, {@code stage}.
 */
public final class JsonView implements EventSink {
  private final PrintStream out;

  public JsonView(PrintStream out) {
    this.out = out;
  }

  @Override
  public void emit(Event event) {
    String line = Json.write(toMap(event));
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  /** The JSON object of one event, fields in a fixed order. */
  public static Map<String, Object> toMap(Event event) {
    var m = new LinkedHashMap<String, Object>();
    switch (event) {
      case Event.RunStarted e -> {
        head(m, "run", "started", e);
        m.put("runId", e.runId());
        m.put("pipeline", e.pipeline());
        m.put("build", e.buildNumber());
        m.put("file", e.file());
        List<Object> stages = new ArrayList<>();
        for (Event.StageInfo s : e.stages()) {
          var sm = new LinkedHashMap<String, Object>();
          sm.put("name", s.name());
          sm.put("needs", s.needs());
          sm.put("group", s.group());
          stages.add(sm);
        }
        m.put("stages", stages);
      }
      case Event.StageStarted e -> {
        head(m, "stage", "started", e);
        m.put("stage", e.stage());
      }
      case Event.StageFinished e -> {
        head(m, "stage", "finished", e);
        m.put("stage", e.stage());
        m.put("status", e.status().label());
        m.put("durationMs", millis(e.duration()));
        m.put("error", e.error());
      }
      case Event.StepStarted e -> {
        head(m, "step", "started", e);
        m.put("stage", e.stage());
        m.put("step", e.step());
        m.put("description", e.description());
        m.put("line", e.line());
      }
      case Event.StepFinished e -> {
        head(m, "step", "finished", e);
        m.put("stage", e.stage());
        m.put("step", e.step());
        m.put("status", e.status().label());
        m.put("durationMs", millis(e.duration()));
        m.put("exitCode", e.exitCode());
      }
      case Event.Log e -> {
        head(m, "log", null, e);
        m.put("stage", e.stage());
        m.put("stream", e.stream().name().toLowerCase(java.util.Locale.ROOT));
        m.put("line", e.line());
      }
      case Event.Resource e -> {
        head(m, "resource", e.action(), e);
        m.put("stage", e.stage());
        m.put("kind", e.kind());
        m.put("id", e.id());
        m.put("name", e.name());
      }
      case Event.RunFinished e -> {
        head(m, "result", null, e);
        m.put("status", e.status().label());
        m.put("durationMs", millis(e.duration()));
        m.put("error", e.error());
        m.put("exitCode", e.exitCode());
      }
    }
    return m;
  }

  private static void head(Map<String, Object> m, String type, String event, Event e) {
    m.put("type", type);
    if (event != null) {
      m.put("event", event);
    }
    m.put("time", e.time().toString());
  }

  private static Long millis(Duration d) {
    return d == null ? null : d.toMillis();
  }
}
