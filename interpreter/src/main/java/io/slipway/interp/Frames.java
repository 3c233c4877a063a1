package io.slipway.interp;

import io.slipway.debug.DebugPoint;
import io.slipway.debug.Debugger;
import io.slipway.run.StageAttempt;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Stmt;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An evaluator's call stack and its side of the debugger protocol: frames are pushed by calls
 * (stage bodies, functions, lambdas, a file's top level) and moved to each statement before it
 * runs; when a debugger is installed and this evaluator may use it, a {@link Point} is passed
 * to it before every statement, step, stage and stage end, and on an unhandled failure.
 * Evaluation done at a breakpoint gets an evaluator whose frames never call the debugger.
 */
final class Frames {
  private final Evaluator ev;
  private final boolean debuggable;
  private final ArrayList<CallFrame> stack = new ArrayList<>();
  private int handlers;
  private SlipException reported;

  Frames(Evaluator ev, boolean debuggable) {
    this.ev = ev;
    this.debuggable = debuggable;
  }

  boolean debuggable() {
    return debuggable;
  }

  int depth() {
    return stack.size();
  }

  List<CallFrame> stack() {
    return stack;
  }

  /** Runs {@code body} in a new frame for {@code callee}. */
  <T> T call(String callee, SourceFile file, Span site, Env env, Supplier<T> body) {
    stack.add(new CallFrame(callee, file, site, env));
    try {
      return body.get();
    } finally {
      stack.remove(stack.size() - 1);
    }
  }

  /** The debugger to call, or null when none is installed or this evaluator may not use it. */
  private Debugger debugger() {
    if (!debuggable) {
      return null;
    }
    Debugger d = ev.interp.debugger();
    return d == Debugger.NONE ? null : d;
  }

  /** Before a statement: moves the top frame to it and tells the debugger. */
  void statement(Stmt s, Env env) {
    if (!stack.isEmpty()) {
      stack.get(stack.size() - 1).at(s, env);
    }
    Debugger d = debugger();
    if (d != null) {
      fire(d, new Point(ev, DebugPoint.Kind.STATEMENT, ev.file(), s.span(), "", steps()));
    }
  }

  /** Before a step builtin; {@code stepNo} is the number it gets. */
  void step(int stepNo, String description, Span span) {
    Debugger d = debugger();
    if (d != null) {
      fire(d, new Point(ev, DebugPoint.Kind.STEP, ev.file(), span, description, stepNo));
    }
  }

  /** Before a stage attempt's body, in a frame holding the scope the body closes over. */
  void stage(String stage, SourceFile file, Span span, Env closure) {
    Debugger d = debugger();
    if (d != null) {
      call("stage " + stage, file, span, closure, () -> {
        fire(d, new Point(ev, DebugPoint.Kind.STAGE, file, span, "stage " + stage, steps()));
        return null;
      });
    }
  }

  /** After a stage attempt's body, before its scope ends. */
  void stageEnd(String stage, SourceFile file, Span span) {
    Debugger d = debugger();
    if (d != null) {
      fire(d, new Point(ev, DebugPoint.Kind.STAGE_END, file, span, "stage " + stage, steps()));
    }
  }

  /**
   * A statement failed: tells the debugger once, at the innermost statement, if nothing in the
   * program will handle the error.
   */
  void failed(Stmt s, SlipException e) {
    Debugger d = debugger();
    if (d == null || e == reported || handlers > 0) {
      return;
    }
    reported = e;
    StageAttempt a = ev.attempt();
    if (a != null && a.willRetry()) {
      return;
    }
    Point p = new Point(ev, DebugPoint.Kind.STATEMENT, ev.file(), s.span(), "", steps());
    d.onFailure(p, e);
    if (p.skipRequested() && a != null) {
      throw new StageSkipped(a.stage());
    }
  }

  /** Runs {@code body} whose errors are handled by the program (a try body, a retry attempt). */
  <T> T handling(Supplier<T> body) {
    handlers++;
    try {
      return body.get();
    } finally {
      handlers--;
    }
  }

  private int steps() {
    StageAttempt a = ev.attempt();
    return a == null ? 0 : a.steps();
  }

  private void fire(Debugger d, Point p) {
    d.before(p);
    StageAttempt a = ev.attempt();
    if (p.skipRequested() && a != null) {
      throw new StageSkipped(a.stage());
    }
    ev.checkInterrupt(); // cancelled while paused
  }
}
