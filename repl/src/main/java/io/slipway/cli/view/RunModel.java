package io.slipway.cli.view;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one run, folded from its {@link Event}s only. The live view, the summary table
 * and the JUnit and HTML reports all read it, so every view tells the same story. Safe to feed
 * from several threads; readers take a {@link #snapshot()}.
 */
public final class RunModel implements EventSink {
  /** Log lines kept per stage; older lines are dropped (reports show a tail). */
  static final int MAX_LOG_LINES = 5_000;

  private final Map<String, StageState> stages = new LinkedHashMap<>();
  private final List<Resource> resources = new ArrayList<>();
  private final List<String> runLog = new ArrayList<>();
  private String pipeline = "";
  private String runId = "";
  private String file = "";
  private long buildNumber;
  private Instant started;
  private Instant finished;
  private Status status = Status.PENDING;
  private String error;
  private int exitCode = -1;

  /** One step of a stage as seen so far. */
  public record StepState(int index, String description, int line, Instant start, Status status,
      Duration duration, Integer exitCode) {}

  /** One created or removed container, network, volume or image. */
  public record Resource(String stage, String kind, String action, String id, String name) {}

  /** One stage as seen so far; {@code logs} is a tail of its output. */
  public record StageView(String name, String group, List<String> needs, Status status,
      Instant start, Duration duration, String error, List<StepState> steps, List<String> logs) {}

  /** An immutable copy of the whole run. */
  public record Snapshot(String pipeline, String runId, String file, long buildNumber,
      Instant started, Instant finished, Status status, String error, int exitCode,
      List<StageView> stages, List<Resource> resources, List<String> runLog) {

    /** Wall time of the run, or time so far when it is still going. */
    public Duration elapsed(Instant now) {
      if (started == null) {
        return Duration.ZERO;
      }
      return Duration.between(started, finished != null ? finished : now);
    }
  }

  private static final class StageState {
    final String name;
    String group;
    List<String> needs = List.of();
    Status status = Status.PENDING;
    Instant start;
    Duration duration;
    String error;
    final List<StepState> steps = new ArrayList<>();
    final List<String> logs = new ArrayList<>();

    StageState(String name) {
      this.name = name;
    }

    StageView view() {
      return new StageView(name, group, needs, status, start, duration, error,
          List.copyOf(steps), List.copyOf(logs));
    }
  }

  @Override
  public synchronized void emit(Event event) {
    switch (event) {
      case Event.RunStarted e -> {
        pipeline = e.pipeline();
        runId = e.runId();
        file = e.file();
        buildNumber = e.buildNumber();
        started = e.time();
        status = Status.RUNNING;
        for (Event.StageInfo info : e.stages()) {
          StageState s = stage(info.name());
          s.group = info.group();
          s.needs = info.needs();
        }
      }
      case Event.StageStarted e -> {
        StageState s = stage(e.stage());
        s.status = Status.RUNNING;
        s.start = e.time();
      }
      case Event.StageFinished e -> {
        StageState s = stage(e.stage());
        s.status = e.status();
        s.duration = e.duration();
        s.error = e.error();
        if (s.start == null && e.duration() != null) {
          s.start = e.time().minus(e.duration());
        }
      }
      case Event.StepStarted e -> {
        StageState s = stage(e.stage());
        s.steps.add(new StepState(e.step(), e.description(), e.line(), e.time(), Status.RUNNING,
            null, null));
      }
      case Event.StepFinished e -> finishStep(e);
      case Event.Log e -> {
        List<String> log = e.stage() == null ? runLog : stage(e.stage()).logs;
        log.add(e.line());
        if (log.size() > MAX_LOG_LINES) {
          log.subList(0, log.size() - MAX_LOG_LINES).clear();
        }
      }
      case Event.Resource e ->
          resources.add(new Resource(e.stage(), e.kind(), e.action(), e.id(), e.name()));
      case Event.RunFinished e -> {
        finished = e.time();
        status = e.status();
        error = e.error();
        exitCode = e.exitCode();
        if (started == null) {
          started = e.time().minus(e.duration());
        }
      }
    }
  }

  private void finishStep(Event.StepFinished e) {
    StageState s = stage(e.stage());
    for (int i = s.steps.size() - 1; i >= 0; i--) {
      StepState st = s.steps.get(i);
      if (st.index() == e.step() && st.status() == Status.RUNNING) {
        s.steps.set(i, new StepState(st.index(), st.description(), st.line(), st.start(),
            e.status(), e.duration(), e.exitCode()));
        return;
      }
    }
    Instant start = e.duration() == null ? e.time() : e.time().minus(e.duration());
    s.steps.add(new StepState(e.step(), "step " + e.step(), 0, start, e.status(), e.duration(),
        e.exitCode()));
  }

  private StageState stage(String name) {
    String key = name == null ? "(run)" : name;
    return stages.computeIfAbsent(key, StageState::new);
  }

  public synchronized Snapshot snapshot() {
    List<StageView> views = new ArrayList<>();
    for (StageState s : stages.values()) {
      views.add(s.view());
    }
    return new Snapshot(pipeline, runId, file, buildNumber, started, finished, status, error,
        exitCode, List.copyOf(views), List.copyOf(resources), List.copyOf(runLog));
  }
}
