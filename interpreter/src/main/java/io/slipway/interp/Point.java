package io.slipway.interp;

import io.slipway.debug.DebugPoint;
import io.slipway.debug.Frame;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.List;

/** The evaluator's {@link DebugPoint}: frames are snapshotted on first request. */
final class Point implements DebugPoint {
  private final Evaluator ev;
  private final Kind kind;
  private final SourceFile file;
  private final Span span;
  private final String description;
  private final int step;
  private final int depth;
  private final Thread thread = Thread.currentThread();
  private List<Frame> frames;
  private volatile boolean skip;

  Point(Evaluator ev, Kind kind, SourceFile file, Span span, String description, int step) {
    this.ev = ev;
    this.kind = kind;
    this.file = file;
    this.span = span;
    this.description = description;
    this.step = step;
    this.depth = ev.frames().depth();
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public String stage() {
    StageAttempt a = ev.attempt();
    return a == null ? null : a.stage();
  }

  @Override
  public int attempt() {
    StageAttempt a = ev.attempt();
    return a == null ? 0 : a.number();
  }

  @Override
  public int step() {
    return step;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public SourceFile file() {
    return file;
  }

  @Override
  public Span span() {
    return span;
  }

  @Override
  public synchronized List<Frame> frames() {
    if (frames == null) {
      List<CallFrame> stack = ev.frames().stack();
      List<Frame> out = new ArrayList<>(stack.size());
      for (int i = stack.size() - 1; i >= 0; i--) {
        out.add(new FrameView(ev, stack.get(i)));
      }
      frames = List.copyOf(out);
    }
    return frames;
  }

  @Override
  public int depth() {
    return depth;
  }

  @Override
  public Thread thread() {
    return thread;
  }

  @Override
  public Run run() {
    return ev.interp.run();
  }

  @Override
  public void skipStage() {
    skip = true;
  }

  boolean skipRequested() {
    return skip;
  }

  @Override
  public String toString() {
    return kind + " " + (stage() == null ? "" : stage() + " ")
        + (file == null ? "?" : file.name() + ":" + line());
  }
}
