package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.List;

/**
 * Blocks and statements: local declarations (E0303), assignments (E0304), loops (E0212),
 * {@code return} (E0213, E0207), {@code throw}, destructuring, and smart casts that hold after an
 * early exit ({@code if (x == null) return}).
 */
final class StmtChecker {
  private final Ctx cx;
  private final ExprChecker exprs;
  private final Declarations decls;
  private final Assignments assigns;

  StmtChecker(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
    this.decls = new Declarations(cx, exprs, this);
    this.assigns = new Assignments(cx, exprs);
  }

  Declarations decls() {
    return decls;
  }

  void ensureResult(FunInfo f) {
    decls.ensureResult(f);
  }

  /** A braced block in its own scope; its value is the last expression's when {@code used}. */
  Type block(Block b, Env env, boolean used, Type expected) {
    return stmts(b.stmts(), env.child(), used, expected);
  }

  /** A lambda body (the scope already holds the parameters); reports a wrong result type. */
  Type lambdaBody(Block b, Env env, Type want, boolean used) {
    Type t = stmts(b.stmts(), env, used, want);
    if (want != null && used) {
      Stmt last = b.stmts().isEmpty() ? null : b.stmts().get(b.stmts().size() - 1);
      if (last instanceof Stmt.ExprStmt es) {
        exprs.mismatch(es.expr(), t, want);
      } else if (!Subtyping.isNothing(t) && !cx.isSub(Types.UNIT, want)) {
        cx.report(Code.E0203, b.span(), "type mismatch: expected " + Ctx.show(want) + ", found Unit",
            "end the lambda with an expression of type `" + Ctx.show(want) + "`");
      }
    }
    return t;
  }

  /** Checks statements in order; returns Nothing when they always jump away. */
  Type stmts(List<Stmt> list, Env env, boolean used, Type expected) {
    Type result = Types.UNIT;
    boolean jumps = false;
    decls.hoist(list, env);
    for (int i = 0; i < list.size(); i++) {
      Stmt s = list.get(i);
      cx.types.scope(s, env);
      boolean last = i == list.size() - 1;
      Type t;
      if (last && used && s instanceof Stmt.ExprStmt es) {
        t = exprs.check(es.expr(), expected, env);
        result = t;
      } else {
        t = stmt(s, env, false);
      }
      if (Subtyping.isNothing(t)) {
        jumps = true;
      }
      if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.If iff && iff.otherwise() == null
          && Subtyping.isNothing(cx.types.type(iff.then()))) {
        env = env.narrowed(ControlFlow.facts(iff.condition(), env, cx).whenFalse());
      }
    }
    if (jumps) {
      return Types.NOTHING;
    }
    return used && !list.isEmpty() && list.get(list.size() - 1) instanceof Stmt.ExprStmt ? result : Types.UNIT;
  }

  /** Checks one statement; returns Nothing when it always jumps away, else Unit. */
  Type stmt(Stmt s, Env env, boolean topLevel) {
    return switch (s) {
      case Stmt.ExprStmt es -> {
        Type t = exprs.checkUnused(es.expr(), env);
        yield Subtyping.isNothing(t) ? Types.NOTHING : Types.UNIT;
      }
      case Stmt.VarDecl v -> {
        decls.varDecl(v, env);
        yield Types.UNIT;
      }
      case Stmt.Destructure d -> {
        decls.destructure(d, env);
        yield Types.UNIT;
      }
      case Stmt.Assign a -> {
        assigns.assign(a, env);
        yield Types.UNIT;
      }
      case Stmt.FunDecl f -> {
        if (!topLevel) {
          decls.checkBody(decls.local(f, env));
        }
        yield Types.UNIT;
      }
      case Stmt.DataClass d -> {
        if (!topLevel) {
          decls.checkMembers(d);
        }
        yield Types.UNIT;
      }
      case Stmt.TypeAlias a -> Types.UNIT;
      case Stmt.ParamDecl p -> {
        if (!topLevel) {
          cx.report(Code.E0505, p.span(), "`param` is only allowed at the top level of a pipeline file");
        }
        yield Types.UNIT;
      }
      case Stmt.Import im -> {
        if (!topLevel) {
          cx.report(Code.E0505, im.span(), "`import` is only allowed at the top level of a file");
        }
        yield Types.UNIT;
      }
      case Stmt.For f -> {
        forLoop(f, env);
        yield Types.UNIT;
      }
      case Stmt.While w -> {
        exprs.condition(w.condition(), env);
        Env body = env.narrowed(ControlFlow.facts(w.condition(), env, cx).whenTrue()).inLoop();
        block(w.body(), body, false, null);
        yield Types.UNIT;
      }
      case Stmt.DoWhile d -> {
        Env body = env.inLoop().child();
        stmts(d.body().stmts(), body, false, null);
        exprs.condition(d.condition(), body);
        yield Types.UNIT;
      }
      case Stmt.Break b -> loopJump(b.span(), "break", b.label(), env);
      case Stmt.Continue c -> loopJump(c.span(), "continue", c.label(), env);
      case Stmt.Labeled l -> stmt(l.loop(), env.withLoopLabel(l.label().text()), topLevel);
      case Stmt.Return r -> ret(r, env);
      case Stmt.Throw t -> {
        Type tt = exprs.check(t.value(), null, env);
        if (!Types.isError(tt) && !cx.isSub(tt, Types.cls("Error"))) {
          cx.report(Code.E0203, t.value().span(), "type mismatch: expected an `Error`, found " + Ctx.show(tt),
              "throw an error value, e.g. one caught with `catch (e: Error)`");
        }
        yield Types.NOTHING;
      }
    };
  }

  private Type loopJump(io.slipway.source.Span span, String what, String label, Env env) {
    if (label != null) {
      if (Env.Labels.find(env.labels(), label, true) == null) {
        cx.report(Code.E0212, span, "`" + what + "@" + label + "`: no enclosing loop is labeled `" + label + "`",
            DidYouMean.hint(label, Env.Labels.names(env.labels(), true)));
      }
    } else if (env.loops() == 0) {
      cx.report(Code.E0212, span, "`" + what + "` is only allowed inside a loop");
    }
    return Types.NOTHING;
  }

  /** {@code return@label}: ends the lambda with that label (or returns from the function so named). */
  private Type labeledReturn(Stmt.Return r, Env env) {
    Env.Labels target = Env.Labels.find(env.labels(), r.label(), false);
    if (target == null) {
      if (env.fn() != null && env.fn().name().equals(r.label())) {
        return ret(new Stmt.Return(r.span(), r.value()), env);
      }
      cx.report(Code.E0213, r.span(), "`return@" + r.label() + "`: no enclosing lambda is labeled `" + r.label() + "`",
          DidYouMean.hint(r.label(), Env.Labels.names(env.labels(), false)));
      if (r.value() != null) {
        exprs.check(r.value(), null, env);
      }
      return Types.NOTHING;
    }
    Type want = target.result();
    if (r.value() != null) {
      if (want != null && Subtyping.isUnit(want)) {
        exprs.check(r.value(), null, env);
      } else {
        exprs.expect(r.value(), want, env);
      }
    } else if (want != null && !Subtyping.isUnit(want) && !Types.isError(want)) {
      cx.report(Code.E0207, r.span(), "the lambda must produce a value of type `" + Ctx.show(want) + "`",
          "write `return@" + r.label() + " value`");
    }
    return Types.NOTHING;
  }

  private Type ret(Stmt.Return r, Env env) {
    if (r.label() != null) {
      return labeledReturn(r, env);
    }
    Env.FnCtx fn = env.fn();
    Env.Labels blocking = Env.Labels.blockingLambda(env.labels());
    if (fn == null && blocking != null) {
      String label = blocking.name();
      cx.report(Code.E0213, r.span(), "`return` is not allowed here: this lambda is not run inline, so it cannot"
          + " return from an enclosing function", "leave the lambda with `return@" + label + "`");
      if (r.value() != null) {
        exprs.check(r.value(), null, env);
      }
      return Types.NOTHING;
    }
    if (fn == null) {
      cx.report(Code.E0213, r.span(), "`return` is only allowed inside a function",
          "in a lambda, the last expression is its value");
      if (r.value() != null) {
        exprs.check(r.value(), null, env);
      }
      return Types.NOTHING;
    }
    if (fn.returnType() == null) {
      if (r.value() != null) {
        Type t = exprs.check(r.value(), null, env);
        if (!Subtyping.isUnit(t) && !Types.isError(t)) {
          cx.report(Code.E0207, r.value().span(), "function `" + fn.name() + "` returns a value but declares no return type",
              "declare it: `fun " + fn.name() + "(...): " + Ctx.show(t) + " {`");
        }
      }
      return Types.NOTHING;
    }
    if (r.value() == null) {
      if (!Subtyping.isUnit(fn.returnType()) && !Types.isError(fn.returnType())) {
        cx.report(Code.E0207, r.span(), "function `" + fn.name() + "` must return a value of type `"
            + Ctx.show(fn.returnType()) + "`");
      }
      return Types.NOTHING;
    }
    exprs.expect(r.value(), fn.returnType(), env);
    return Types.NOTHING;
  }

  private void forLoop(Stmt.For f, Env env) {
    Type it = exprs.check(f.iterable(), null, env);
    Env body = env.inLoop().child();
    List<Type> vars = elementTypes(it, f.vars().size(), f.iterable());
    for (int i = 0; i < f.vars().size(); i++) {
      Ident v = f.vars().get(i);
      decls.declare(body, Symbol.value(v.text(), false, vars.get(i), cx.file, v.span()));
    }
    stmts(f.body().stmts(), body, false, null);
  }

  private List<Type> elementTypes(Type it, int n, Expr where) {
    if (Types.isError(it)) {
      return java.util.Collections.nCopies(n, Types.ERROR);
    }
    if (Types.nonNull(it) instanceof Type.ClassType c && !Types.isNullable(it)) {
      Type.ClassType map = cx.sub.asSuper(c, "Map");
      if (map != null && map.args().size() == 2) {
        return n == 2 ? map.args() : java.util.Collections.nCopies(n, Types.cls("Map.Entry", map.args().get(0), map.args().get(1)));
      }
      Type.ClassType list = cx.sub.asSuper(c, "List");
      if (list == null) {
        list = cx.sub.asSuper(c, "Set");
      }
      if (list != null && list.args().size() == 1) {
        return n == 1 ? List.of(list.args().get(0)) : decls.components(list.args().get(0), n, where);
      }
      if (c.equals(Types.JSON)) {
        return java.util.Collections.nCopies(n, Types.JSON);
      }
      if (c.equals(Types.STRING) && n == 1) {
        return List.of(Types.CHAR);
      }
    }
    cx.report(Code.E0203, where.span(), "type mismatch: expected a List, Map or String to iterate over, found " + Ctx.show(it),
        Types.isNullable(it) ? "the value may be null: use `?:` or `!!` first" : null);
    return java.util.Collections.nCopies(n, Types.ERROR);
  }
}
