package io.slipway.cli.view;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Status;
import java.io.PrintStream;

/**
 * The CI view: one prefixed line per event ({@code [stage] line}), stage start and finish with
 * status and duration, and a summary table at the end. Nothing is redrawn, so logs stay
 * readable in any CI system.
 */
public final class PlainView implements EventSink {
  private final PrintStream out;
  private final RunModel model = new RunModel();

  public PlainView(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void emit(Event event) {
    model.emit(event);
    switch (event) {
      case Event.RunStarted e -> out.println("pipeline " + e.pipeline() + " #" + e.buildNumber()
          + " (" + e.stages().size() + (e.stages().size() == 1 ? " stage" : " stages") + ", run "
          + e.runId() + ")");
      case Event.StageStarted e -> line(e.stage(), "stage started");
      case Event.StageFinished e -> {
        String text = "stage " + e.status().label()
            + (e.duration() == null ? "" : " in " + Durations.format(e.duration()));
        line(e.stage(), e.error() == null ? text : text + ": " + e.error());
      }
      case Event.StepStarted e -> {
        // an echo's message follows as its own line; announcing it too only doubles it
        if (!e.description().startsWith("echo ")) {
          line(e.stage(), "> " + e.description());
        }
      }
      case Event.StepFinished e -> {
        if (e.status() == Status.FAILED) {
          line(e.stage(), "step failed" + (e.exitCode() == null ? "" : " (exit " + e.exitCode()
              + ")") + " after " + Durations.format(e.duration()));
        }
      }
      case Event.Log e -> line(e.stage(), e.line());
      case Event.Resource e -> line(e.stage(), e.action() + " " + e.kind() + " "
          + (e.name() == null || e.name().isEmpty() ? e.id() : e.name()));
      case Event.RunFinished e -> out.print(Summary.render(model.snapshot(), false));
    }
    out.flush();
  }

  private void line(String stage, String text) {
    out.println((stage == null ? "" : "[" + stage + "] ") + text);
  }
}
