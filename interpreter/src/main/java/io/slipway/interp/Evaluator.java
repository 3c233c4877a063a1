package io.slipway.interp;

import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import io.slipway.value.Deferred;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates expressions and executes statements for one thread of execution (the top level, or
 * one stage attempt). Program-wide state lives in the {@link Interpreter}; this object holds what
 * is dynamic per execution: the current file, the call depth and frames ({@link Frames}, which
 * also talk to the debugger), the {@code withEnv} stack, the stack of cleanup scopes (the
 * attempt's, then a {@code retry} attempt's inside it), the stage attempt being run, and a
 * pending interruption (timeout or cancellation) to raise at the next check.
 */
public final class Evaluator {
  final Interpreter interp;
  private final StageAttempt attempt;
  private final Thread owner;
  private final List<Map<String, Object>> envStack;
  private final List<ResourceScope> scopes = new ArrayList<>();
  private final Calls calls;
  private final Members members;
  private final Statements statements;
  private final Frames frames;
  private SourceFile file;
  private int depth;
  private volatile RuntimeException pending;
  private final java.util.Set<RuntimeException> live =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(
          new java.util.IdentityHashMap<>()));

  Evaluator(Interpreter interp, StageAttempt attempt, ResourceScope scope, SourceFile file,
      List<Map<String, Object>> envStack, boolean debuggable) {
    this.interp = interp;
    this.attempt = attempt;
    this.file = file;
    this.owner = Thread.currentThread();
    this.envStack = new ArrayList<>(envStack);
    this.scopes.add(scope);
    this.calls = new Calls(this);
    this.members = new Members(this);
    this.statements = new Statements(this);
    this.frames = new Frames(this, debuggable);
  }

  public Interpreter interpreter() {
    return interp;
  }

  /** The stage attempt this evaluator runs, or null at the top level and at plan time. */
  public StageAttempt attempt() {
    return attempt;
  }

  Frames frames() {
    return frames;
  }

  // ---------------------------------------------------------------- cleanup scopes

  /** The innermost cleanup scope: where builtins register what they create. */
  public ResourceScope scope() {
    return scopes.get(scopes.size() - 1);
  }

  /** Runs {@code body} with {@code inner} as the innermost scope (a retry attempt's). */
  public <T> T inScope(ResourceScope inner, Supplier<T> body) {
    scopes.add(inner);
    try {
      return body.get();
    } finally {
      scopes.remove(scopes.size() - 1);
    }
  }

  /** Runs {@code body} whose errors the program handles: no on-failure debugger stop inside. */
  public <T> T catching(Supplier<T> body) {
    return frames.handling(body);
  }

  public SourceFile file() {
    return file;
  }

  Members members() {
    return members;
  }

  /** {@code componentN()} of a pair, data object, list or map entry. */
  Object component(Object value, int i) {
    return statements.component(value, i);
  }

  Calls calls() {
    return calls;
  }

  /** The evaluator to use from the calling thread: this one, or a fork for another thread. */
  Evaluator forCurrentThread() {
    return Thread.currentThread() == owner ? this
        : new Evaluator(interp, attempt, scope(), file, envStack, frames.debuggable());
  }

  /** An evaluator for input typed at a breakpoint: this one's stage and scope, no debugger. */
  Evaluator forEvaluation(SourceFile input) {
    return new Evaluator(interp, attempt, scope(), input, envStack, false);
  }

  // ---------------------------------------------------------------- dynamic state

  /** Environment variables added by enclosing {@code withEnv} blocks, outermost first. */
  public Map<String, Object> dynamicEnv() {
    var out = new LinkedHashMap<String, Object>();
    envStack.forEach(out::putAll);
    return out;
  }

  /** Runs {@code body} with extra environment variables for every command it starts. */
  public <T> T withEnv(Map<String, Object> vars, Supplier<T> body) {
    envStack.add(vars);
    try {
      return body.get();
    } finally {
      envStack.remove(envStack.size() - 1);
    }
  }

  /**
   * Asks this evaluator to stop with {@code reason} at its next check (loop iteration, call, or
   * blocking builtin), interrupting its thread so that blocking calls return at once.
   */
  public void interrupt(RuntimeException reason) {
    live.add(reason);
    pending = reason;
    owner.interrupt();
  }

  /**
   * True when {@code e} is the reason of an interruption whose deadline is still armed (an
   * enclosing {@code timeout} or the stage timeout): {@code retry} must not swallow it.
   */
  public boolean isLiveInterrupt(Throwable e) {
    return live.contains(e);
  }

  /** Throws a pending interruption, clearing the thread's interrupt flag. */
  public void checkInterrupt() {
    RuntimeException p = pending;
    if (p != null) {
      pending = null;
      Thread.interrupted();
      throw p;
    }
  }

  /** Clears a pending interruption that arrived too late to matter (its deadline was disarmed). */
  public void clearInterrupt(RuntimeException reason) {
    live.remove(reason);
    if (pending == reason) {
      pending = null;
      Thread.interrupted();
    }
  }

  boolean hasPending() {
    return pending != null;
  }

  /** Runs the body of a call in a new frame named {@code callee} (see {@link #inFile}). */
  <T> T inFrame(String callee, SourceFile f, Span site, Env env, Supplier<T> body) {
    return frames.call(callee, f, site, env, () -> inFile(f, body));
  }

  /** Runs code of another file (a function declared in an imported library) with that file. */
  <T> T inFile(SourceFile f, Supplier<T> body) {
    SourceFile saved = file;
    file = f;
    if (++depth > interp.maxDepth()) {
      depth--;
      file = saved;
      throw SlipException.error("stack overflow: more than " + interp.maxDepth()
          + " nested calls (infinite recursion?)");
    }
    try {
      checkInterrupt();
      return body.get();
    } catch (StackOverflowError e) {
      throw SlipException.error("stack overflow: recursion too deep (infinite recursion?)");
    } finally {
      depth--;
      file = saved;
    }
  }

  // ---------------------------------------------------------------- statements

  /** Executes a block in a new scope. */
  public void execBlock(Block block, Env parent) {
    Env scope = parent.child();
    hoist(block.stmts(), scope);
    for (Stmt s : block.stmts()) {
      exec(s, scope);
    }
  }

  /** Executes a block in a new scope and returns the value of its last expression. */
  public Object execBlockValue(Block block, Env parent) {
    Env scope = parent.child();
    return execStmtsValue(block.stmts(), scope);
  }

  Object execStmtsValue(List<Stmt> stmts, Env scope) {
    hoist(stmts, scope);
    Object last = Unit.INSTANCE;
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
        frames.statement(s, scope);
        try {
          last = eval(es.expr(), scope);
        } catch (SlipException e) {
          frames.failed(s, e.locate(file, s.span()));
          throw e;
        } catch (Undecidable u) {
          // only while planning: skip a statement whose control flow needs a run-time value
          if (!PlanTime.absorb(this, s, scope, u)) {
            throw u;
          }
          last = u.value().derive("Any", null);
        }
      } else {
        exec(s, scope);
      }
    }
    return last;
  }

  /** Declares the functions and data classes of a block first, so they may refer to each other. */
  void hoist(List<Stmt> stmts, Env scope) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.FunDecl f && f.receiver() != null) {
        Extensions.declare(scope, new UserFunction(f, scope, file));
      } else if (s instanceof Stmt.FunDecl f) {
        scope.define(f.name().text(), new UserFunction(f, scope, file), false);
      } else if (s instanceof Stmt.DataClass dc) {
        Object value = switch (dc.kind()) {
          case DATA -> DataClassDef.of(dc, scope, file);
          case ENUM -> new EnumClassDef(dc, scope, file);
          case OBJECT -> DataClassDef.of(dc, scope, file).singleton();
        };
        scope.define(dc.name().text(), value, false);
        dc.members().forEach(m -> Extensions.declare(scope, new UserFunction(m, scope, file)));
      }
    }
  }

  /** Executes one statement: the debugger hears of it first, and of its failure. */
  public void exec(Stmt stmt, Env env) {
    frames.statement(stmt, env);
    try {
      statements.exec(stmt, env);
    } catch (SlipException e) {
      frames.failed(stmt, e.locate(file, stmt.span()));
      throw e;
    } catch (Undecidable u) {
      // only while planning: skip a statement whose control flow needs a run-time value
      if (!PlanTime.absorb(this, stmt, env, u)) {
        throw u;
      }
    }
  }

  // ---------------------------------------------------------------- expressions

  public Object eval(Expr expr, Env env) {
    try {
      return evalInner(expr, env);
    } catch (SlipException e) {
      throw e.locate(file, expr.span());
    }
  }

  private Object evalInner(Expr expr, Env env) {
    return switch (expr) {
      case Expr.IntLit l -> l.value();
      case Expr.DoubleLit d -> d.value();
      case Expr.BoolLit b -> b.value();
      case Expr.CharLit c -> c.value();
      case Expr.NullLit n -> null;
      case Expr.Str s -> template(s, env);
      case Expr.Name n -> calls.name(n, env);
      case Expr.Member m -> {
        Object target = eval(m.target(), env);
        if (target == null && m.safe()) {
          yield null;
        }
        yield members.property(target, m.name().text(), env, m.span());
      }
      case Expr.Call c -> calls.call(c, env);
      case Expr.CallableRef r -> Extensions.reference(this, env, r);
      case Expr.Index ix -> members.index(eval(ix.target(), env), eval(ix.index(), env));
      case Expr.Unary u -> interp.ops().unary(u.op(), eval(u.operand(), env));
      case Expr.NotNull n -> {
        Object v = eval(n.operand(), env);
        if (v == null) {
          throw SlipException.error("`" + file.slice(n.operand().span()) + "` is null");
        }
        yield v;
      }
      case Expr.Binary b -> binary(b, env);
      case Expr.InfixCall ic -> members.callMethod(eval(ic.left(), env), ic.name().text(),
          List.of(new io.slipway.syntax.ast.Arg(ic.right().span(), null, ic.right())), null, env,
          ic.span());
      case Expr.Is is -> {
        Object v = eval(is.operand(), env);
        yield v instanceof Deferred d ? d.derive("Bool", null)
            : interp.types().isInstance(v, is.type()) != is.negated();
      }
      case Expr.As as -> {
        Object v = eval(as.operand(), env);
        yield v instanceof Deferred ? v : cast(v, as.type(), as.safe());
      }
      case Expr.Lambda l -> new Closure(l, env, file);
      case Expr.If i -> {
        if (truthy(eval(i.condition(), env), i.condition())) {
          yield eval(i.then(), env);
        }
        yield i.otherwise() == null ? Unit.INSTANCE : eval(i.otherwise(), env);
      }
      case Expr.When w -> when(w, env);
      case Expr.Try t -> evalTry(t, env);
      case Expr.BlockExpr b -> execBlockValue(b.block(), env);
      case Expr.Error e -> throw SlipException.error("cannot run code with syntax errors");
    };
  }

  private Object template(Expr.Str s, Env env) {
    if (s.parts().size() == 1 && s.parts().get(0) instanceof TemplatePart.Text t) {
      return t.text();
    }
    var sb = new StringBuilder();
    Deferred deferred = null;
    for (TemplatePart p : s.parts()) {
      switch (p) {
        case TemplatePart.Text t -> sb.append(t.text());
        case TemplatePart.Interpolation i -> {
          Object v = eval(i.expr(), env);
          if (v instanceof Deferred d && deferred == null) {
            deferred = d;
          }
          sb.append(Values.show(v));
        }
      }
    }
    // while planning, a template over a run-time value is one too, shown with its holes
    return deferred == null ? sb.toString() : deferred.derive("String", sb.toString());
  }

  private Object binary(Expr.Binary b, Env env) {
    return switch (b.op()) {
      case AND -> truthy(eval(b.left(), env), b.left()) && truthy(eval(b.right(), env), b.right());
      case OR -> truthy(eval(b.left(), env), b.left()) || truthy(eval(b.right(), env), b.right());
      case ELVIS -> {
        Object l = eval(b.left(), env);
        yield l != null ? l : eval(b.right(), env);
      }
      default -> interp.ops().binary(b.op(), eval(b.left(), env), eval(b.right(), env));
    };
  }

  private Object cast(Object v, TypeRef type, boolean safe) {
    if (interp.types().isInstance(v, type)) {
      return v;
    }
    if (safe) {
      return null;
    }
    throw SlipException.error("cannot cast " + (v == null ? "null" : interp.types().nameOf(v))
        + " to " + RuntimeTypes.show(type));
  }

  boolean truthy(Object v, Expr where) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Deferred d) {
      throw new Undecidable(d, file, where.span());
    }
    throw SlipException.error("condition is not a Bool").locate(file, where.span());
  }

  private Object when(Expr.When w, Env env) {
    boolean hasSubject = w.subject() != null;
    Object subject = hasSubject ? eval(w.subject(), env) : null;
    if (subject instanceof Deferred d) {
      throw new Undecidable(d, file, w.subject().span());
    }
    for (WhenBranch br : w.branches()) {
      if (br.isElse()) {
        return eval(br.body(), env);
      }
      for (WhenCond c : br.conditions()) {
        if (matches(c, hasSubject, subject, env)) {
          return eval(br.body(), env);
        }
      }
    }
    return Unit.INSTANCE;
  }

  private boolean matches(WhenCond c, boolean hasSubject, Object subject, Env env) {
    return switch (c) {
      case WhenCond.Value v -> hasSubject ? java.util.Objects.equals(subject, known(v.expr(), env))
          : truthy(eval(v.expr(), env), v.expr());
      case WhenCond.Is is -> interp.types().isInstance(subject, is.type()) != is.negated();
      case WhenCond.In in -> interp.ops().contains(known(in.range(), env), subject) != in.negated();
    };
  }

  /** A value a decision needs: while planning, a run-time value makes the decision undecidable. */
  private Object known(Expr e, Env env) {
    Object v = eval(e, env);
    if (v instanceof Deferred d) {
      throw new Undecidable(d, file, e.span());
    }
    return v;
  }

  private Object evalTry(Expr.Try t, Env env) {
    try {
      return t.catches().isEmpty() ? execBlockValue(t.body(), env)
          : frames.handling(() -> execBlockValue(t.body(), env));
    } catch (SlipException e) {
      checkInterrupt();
      for (CatchClause c : t.catches()) {
        if (interp.types().isInstance(e.error(), c.type())) {
          Env scope = env.child();
          scope.define(c.name().text(), e.error(), false);
          return execStmtsValue(c.body().stmts(), scope);
        }
      }
      throw e;
    } finally {
      if (t.finallyBlock() != null) {
        execBlock(t.finallyBlock(), env);
      }
    }
  }

  /**
   * Runs a block given to the runtime (a stage body, a post block) in a frame named
   * {@code callee}: a {@code return} inside it ends the block.
   */
  public Object runBody(Object fn, Object receiver, Span site, String callee) {
    try {
      if (fn instanceof Closure c) {
        return c.invoke(this, receiver, List.of(), Map.of(), callee);
      }
      return callValue(fn, receiver, List.of(), site);
    } catch (Signals.Return r) {
      return r.value;
    }
  }

  /**
   * The debugger's stage point: before an attempt's body, with the scope the body closes over
   * ({@code closure} may be null).
   */
  public void beforeStage(String stage, SourceFile f, Span span, Env closure) {
    frames.stage(stage, f, span, closure);
  }

  /** The debugger's stage-end point: after an attempt's body, before its scope ends. */
  public void afterStage(String stage, SourceFile f, Span span) {
    frames.stageEnd(stage, f, span);
  }

  /** Calls any function value; used by builtins through the call context. */
  public Object callValue(Object fn, Object receiver, List<Object> args, Span site) {
    if (!(fn instanceof Callable c)) {
      throw SlipException.error("value is not a function");
    }
    return c.call(this, receiver, args, Map.of(), site);
  }
}
