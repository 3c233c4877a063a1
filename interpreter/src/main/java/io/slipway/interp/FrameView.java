package io.slipway.interp;

import io.slipway.check.StaticScope;
import io.slipway.debug.Frame;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the debugger sees of one {@link CallFrame} at a point: a snapshot of where it was, plus
 * the means to evaluate input in its scope. Input evaluated here runs in a child scope kept by
 * this view, so {@code val y = ...} typed at a breakpoint is visible to the next input.
 */
final class FrameView implements Frame {
  private final Evaluator owner;
  private final String callee;
  private final SourceFile file;
  private final Span span;
  private final Stmt stmt;
  private final Env env;
  private Env evalScope;

  FrameView(Evaluator owner, CallFrame f) {
    this.owner = owner;
    this.callee = f.callee;
    this.file = f.file;
    this.span = f.span;
    this.stmt = f.stmt;
    this.env = f.env;
  }

  @Override
  public String callee() {
    return callee;
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
  public Map<String, Object> variables() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (env == null) {
      return out;
    }
    env.visible().forEach((k, v) -> {
      if (!(v instanceof UserFunction) && !(v instanceof DataClassDef)) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public Map<String, Type> staticTypes() {
    Map<String, Type> out = new LinkedHashMap<>();
    StaticScope s = staticScope();
    if (s != null) {
      for (String name : variables().keySet()) {
        Type t = s.type(name);
        if (t != null) {
          out.put(name, t);
        }
      }
    }
    return out;
  }

  @Override
  public StaticScope staticScope() {
    return stmt == null ? null : owner.interp.staticScope(stmt);
  }

  @Override
  public synchronized Object evaluate(Program snippet) {
    if (evalScope == null) {
      evalScope = (env == null ? owner.interp.globals() : env).child();
    }
    Evaluator ev = owner.forEvaluation(snippet.file());
    return ev.frames().call("<breakpoint>", snippet.file(), snippet.span(), evalScope,
        () -> ev.execStmtsValue(snippet.items(), evalScope));
  }

  @Override
  public String toString() {
    return callee + " at " + (file == null ? "?" : file.name() + ":" + line());
  }
}
