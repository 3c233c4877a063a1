package io.slipway.examples;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a run's events into a deterministic text: stages in plan order (then {@code post}),
 * each with its status and output lines. Grouping output by stage keeps the text stable when
 * parallel stages interleave; durations and timestamps are left out.
 */
final class Transcript implements EventSink {
  private final List<String> planOrder = new ArrayList<>();
  private final Map<String, List<String>> output = new LinkedHashMap<>();
  private final Map<String, Status> stageStatus = new LinkedHashMap<>();
  private final Map<String, String> stageError = new LinkedHashMap<>();
  private final List<String> runLog = new ArrayList<>();
  private String runId;
  private Event.RunFinished finished;

  @Override
  public synchronized void emit(Event event) {
    switch (event) {
      case Event.RunStarted e -> {
        runId = e.runId();
        e.stages().forEach(s -> planOrder.add(s.name()));
      }
      case Event.StageFinished e -> {
        stageStatus.put(e.stage(), e.status());
        if (e.error() != null) {
          stageError.put(e.stage(), e.error());
        }
      }
      case Event.Log e -> {
        if (e.stage() == null) {
          runLog.add(e.line());
        } else {
          output.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(e.line());
        }
      }
      case Event.RunFinished e -> finished = e;
      default -> { }
    }
  }

  synchronized String runId() {
    return runId;
  }

  synchronized Status status() {
    return finished == null ? null : finished.status();
  }

  synchronized String text() {
    var sb = new StringBuilder();
    List<String> order = new ArrayList<>(planOrder);
    for (String stage : stageStatus.keySet()) {
      if (!order.contains(stage)) {
        order.add(stage);      // post, and anything the plan did not list
      }
    }
    for (String stage : order) {
      Status status = stageStatus.get(stage);
      sb.append("== ").append(stage).append(": ")
          .append(status == null ? "not run" : status.label()).append('\n');
      for (String line : output.getOrDefault(stage, List.of())) {
        sb.append(line).append('\n');
      }
      if (stageError.containsKey(stage)) {
        sb.append(stageError.get(stage)).append('\n');
      }
    }
    runLog.forEach(line -> sb.append(line).append('\n'));
    sb.append("== run: ").append(finished == null ? "unfinished" : finished.status().label());
    if (finished != null && finished.error() != null) {
      sb.append("\n").append(finished.error());
    }
    return sb.append('\n').toString();
  }
}
