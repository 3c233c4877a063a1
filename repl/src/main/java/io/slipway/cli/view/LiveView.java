package io.slipway.cli.view;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Status;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal view: one line per stage with a state symbol, its duration and, for running
 * stages, the current step and its last output lines, redrawn in place ten times a second like
 * the progress views of compose and BuildKit. Only used when stdout is a terminal; when the
 * run ends the block stays on screen followed by the summary and, for a failed stage, its log
 * tail.
 */
public final class LiveView implements EventSink, AutoCloseable {
  private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final int LOG_LINES = 3;
  private static final int FAILURE_TAIL = 20;

  private final PrintStream out;
  private final int width;
  private final int height;
  private final boolean color;
  private final RunModel model = new RunModel();
  private final Thread ticker;
  private int drawn;
  private int frame;
  private boolean paused;
  private boolean done;

  public LiveView(PrintStream out, int width, int height) {
    this(out, width, height, true);
  }

  /** With {@code color} false ({@code NO_COLOR}) only cursor movements are sent, no colours. */
  public LiveView(PrintStream out, int width, int height, boolean color) {
    this.out = out;
    this.color = color;
    this.width = Math.max(40, width);
    this.height = Math.max(10, height);
    this.ticker = Thread.ofPlatform().daemon().name("slipway-live-view").unstarted(this::tick);
  }

  @Override
  public void emit(Event event) {
    model.emit(event);
    if (event instanceof Event.RunStarted) {
      synchronized (this) {
        if (!ticker.isAlive() && !done) {
          ticker.start();
        }
      }
    }
    if (event instanceof Event.RunFinished) {
      finish();
    } else if (!(event instanceof Event.Log)) {
      redraw();
    }
  }

  private void tick() {
    while (true) {
      synchronized (this) {
        if (done) {
          return;
        }
      }
      redraw();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops drawing (e.g. while an approval prompt waits for an answer). */
  public synchronized void pause() {
    redrawLocked();
    paused = true;
    drawn = 0;
  }

  public synchronized void resume() {
    paused = false;
  }

  private synchronized void redraw() {
    if (!paused && !done) {
      redrawLocked();
    }
  }

  private void redrawLocked() {
    List<String> lines = frame(model.snapshot(), Instant.now());
    var sb = new StringBuilder();
    if (drawn > 0) {
      sb.append("\u001b[").append(drawn).append('F');
    }
    for (String l : lines) {
      sb.append("\u001b[2K").append(color ? l : l.replaceAll("\u001b\\[[0-9;]*m", ""))
          .append('\n');
    }
    sb.append("\u001b[J");
    out.print(sb);
    out.flush();
    drawn = lines.size();
    frame++;
  }

  private void finish() {
    synchronized (this) {
      if (done) {
        return;
      }
      paused = false;
      redrawLocked();
      done = true;
    }
    ticker.interrupt();
    RunModel.Snapshot run = model.snapshot();
    var sb = new StringBuilder();
    for (RunModel.StageView s : run.stages()) {
      if (s.status() == Status.FAILED) {
        List<String> logs = s.logs();
        if (!logs.isEmpty()) {
          sb.append('\n').append(color ? "\u001b[1m" + s.name() + "\u001b[0m" : s.name())
              .append(": last log lines\n");
          for (String l : logs.subList(Math.max(0, logs.size() - FAILURE_TAIL), logs.size())) {
            sb.append("  ").append(color ? l : Xml.stripAnsi(l)).append('\n');
          }
        }
      }
    }
    sb.append(Summary.render(run, color));
    out.print(sb);
    out.flush();
  }

  /** The block for one redraw, fitted to the terminal. Package-private for tests. */
  List<String> frame(RunModel.Snapshot run, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(fit("\u001b[1m" + run.pipeline() + "\u001b[0m #" + run.buildNumber() + "  "
        + Durations.format(run.elapsed(now))));
    int running = (int) run.stages().stream().filter(s -> s.status() == Status.RUNNING).count();
    int budget = height - 2 - run.stages().size();
    int perStage = running == 0 ? 0 : Math.max(0, Math.min(LOG_LINES + 1, budget / running));
    for (RunModel.StageView s : run.stages()) {
      Duration d = s.duration() != null ? s.duration()
          : s.start() != null ? Duration.between(s.start(), now) : null;
      String dur = d == null ? "" : Durations.format(d);
      String name = Summary.pad(s.name(), 20);
      lines.add(fit(" " + symbol(s.status()) + " " + name + " "
          + Summary.colored(Summary.pad(s.status().label(), 9), s.status(), true) + " " + dur));
      if (s.status() == Status.RUNNING && perStage > 0) {
        RunModel.StepState step = s.steps().isEmpty() ? null : s.steps().getLast();
        int room = perStage;
        if (step != null) {
          lines.add(fit("\u001b[2m   > " + step.description() + "\u001b[0m"));
          room--;
        }
        List<String> logs = s.logs();
        for (String l : logs.subList(Math.max(0, logs.size() - room), logs.size())) {
          lines.add(fit("\u001b[2m     " + Xml.stripAnsi(l) + "\u001b[0m"));
        }
      }
    }
    return lines;
  }

  private String symbol(Status status) {
    return switch (status) {
      case PENDING -> "\u001b[2m·\u001b[0m";
      case RUNNING -> "\u001b[36m" + SPINNER[frame % SPINNER.length] + "\u001b[0m";
      case SUCCESS -> "\u001b[32m✔\u001b[0m";
      case FAILED -> "\u001b[31m✘\u001b[0m";
      case SKIPPED -> "\u001b[2m-\u001b[0m";
      case CANCELLED -> "\u001b[33m⊘\u001b[0m";
    };
  }

  /** Truncates to the terminal width, counting only visible characters. */
  private String fit(String s) {
    var sb = new StringBuilder();
    int visible = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        int j = i + 1;
        while (j < s.length() && !Character.isLetter(s.charAt(j))) {
          j++;
        }
        sb.append(s, i, Math.min(s.length(), j + 1));
        i = j;
        continue;
      }
      if (c == '\t') {
        c = ' ';
      } else if (c < 0x20) {
        continue;
      }
      if (visible == width - 1) {
        sb.append('…');
        break;
      }
      sb.append(c);
      visible++;
    }
    return sb.append("\u001b[0m").toString();
  }

  @Override
  public void close() {
    synchronized (this) {
      done = true;
    }
    ticker.interrupt();
  }
}
