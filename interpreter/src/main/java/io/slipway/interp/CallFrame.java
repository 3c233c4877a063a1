package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Stmt;

/**
 * One entry of an evaluator's call stack: who was called, in which file, and the statement (with
 * its scope) the call is at. Updated in place before every statement; the debugger sees
 * immutable {@link FrameView}s of it.
 */
final class CallFrame {
  final String callee;
  final SourceFile file;
  Span span;
  Stmt stmt;
  Env env;

  CallFrame(String callee, SourceFile file, Span span, Env env) {
    this.callee = callee;
    this.file = file;
    this.span = span;
    this.env = env;
  }

  void at(Stmt s, Env scope) {
    stmt = s;
    span = s.span();
    env = scope;
  }
}
