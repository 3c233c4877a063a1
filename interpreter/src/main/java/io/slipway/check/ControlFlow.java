package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.UnaryOp;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code if}, {@code when} and {@code try} as expressions, and the smart-cast facts a condition
 * establishes ({@code x != null}, {@code x is T}, combined through {@code &&}, {@code ||}, {@code !}).
 */
final class ControlFlow {
  private final Ctx cx;
  private final ExprChecker exprs;

  ControlFlow(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  /** Narrowed types of local names when a condition is true and when it is false. */
  record Facts(Map<String, Type> whenTrue, Map<String, Type> whenFalse) {
    static final Facts NONE = new Facts(Map.of(), Map.of());

    Facts swap() {
      return new Facts(whenFalse, whenTrue);
    }
  }

  /** The facts of an already-checked condition. */
  static Facts facts(Expr cond, Env env, Ctx cx) {
    return switch (cond) {
      case Expr.Binary b when b.op() == BinaryOp.NE || b.op() == BinaryOp.EQ -> {
        Expr other = b.right() instanceof Expr.NullLit ? b.left() : b.left() instanceof Expr.NullLit ? b.right() : null;
        String path = other == null ? null : path(other, env, cx);
        if (path == null) {
          yield Facts.NONE;
        }
        cx.pathCasts |= path.indexOf('.') > 0;
        Map<String, Type> m = Map.of(path, Types.nonNull(cx.types.type(other)));
        yield b.op() == BinaryOp.NE ? new Facts(m, Map.of()) : new Facts(Map.of(), m);
      }
      case Expr.Is is when path(is.operand(), env, cx) != null -> {
        cx.pathCasts |= is.operand() instanceof Expr.Member;
        Map<String, Type> m = Map.of(path(is.operand(), env, cx), cx.typeRefs.resolveQuiet(is.type()));
        yield is.negated() ? new Facts(Map.of(), m) : new Facts(m, Map.of());
      }
      case Expr.Unary u when u.op() == UnaryOp.NOT -> facts(u.operand(), env, cx).swap();
      case Expr.Binary b when b.op() == BinaryOp.AND -> {
        Facts l = facts(b.left(), env, cx);
        Facts r = facts(b.right(), env.narrowed(l.whenTrue()), cx);
        yield new Facts(merge(l.whenTrue(), r.whenTrue()), Map.of());
      }
      case Expr.Binary b when b.op() == BinaryOp.OR -> {
        Facts l = facts(b.left(), env, cx);
        Facts r = facts(b.right(), env.narrowed(l.whenFalse()), cx);
        yield new Facts(Map.of(), merge(l.whenFalse(), r.whenFalse()));
      }
      default -> Facts.NONE;
    };
  }

  /**
   * The stable path a smart cast can be attached to: a local name, or a chain of properties
   * from one ({@code params.deployTo}, {@code target.host}), but never a data class {@code var}
   * property, which may change between the test and the use. Null when there is none.
   */
  static String path(Expr e, Env env, Ctx cx) {
    return switch (e) {
      case Expr.Name n -> {
        Symbol s = env.scope().lookup(n.id());
        if (s != null) {
          yield s.kind() == Symbol.Kind.FUN || s.kind() == Symbol.Kind.DATA ? null : n.id();
        }
        yield n.id().equals("params") || cx.registry.property(null, n.id()).isPresent() ? n.id() : null;
      }
      case Expr.Member m when !m.safe() -> {
        String base = path(m.target(), env, cx);
        if (base == null) {
          yield null;
        }
        DataClassInfo dc = cx.dataClasses.get(Members.ownerName(cx.types.type(m.target())));
        if (dc != null && dc.field(m.name().text()).map(DataClassInfo.Field::mutable).orElse(false)) {
          yield null;
        }
        yield base + "." + m.name().text();
      }
      default -> null;
    };
  }

  private static Map<String, Type> merge(Map<String, Type> a, Map<String, Type> b) {
    if (a.isEmpty()) {
      return b;
    }
    var m = new HashMap<>(a);
    m.putAll(b);
    return m;
  }

  Type ifExpr(Expr.If i, Type expected, Env env, boolean used) {
    exprs.condition(i.condition(), env);
    Facts f = facts(i.condition(), env, cx);
    Type then = branch(i.then(), expected, env.narrowed(f.whenTrue()), used);
    if (i.otherwise() == null) {
      if (used && expected != null && !Arguments.hasVars(expected) && !cx.isSub(Types.UNIT, expected)) {
        cx.report(Code.E0203, i.span(), "type mismatch: expected " + Ctx.show(expected)
            + ", found Unit", "`if` without `else` has no value: add an `else` branch");
        return Types.ERROR;
      }
      return Types.UNIT;
    }
    Type other = branch(i.otherwise(), expected, env.narrowed(f.whenFalse()), used);
    if (!used) {
      return Subtyping.isNothing(then) && Subtyping.isNothing(other) ? Types.NOTHING : Types.UNIT;
    }
    boolean wrong = branchMismatch(i.then(), then, expected) | branchMismatch(i.otherwise(), other, expected);
    return wrong ? Types.ERROR : cx.sub.join(then, other);
  }

  /**
   * With a known expected type, a branch that does not fit is reported at the branch's own value
   * ({@code val x: Int = if (c) 1 else "a"} points at {@code "a"}), as Kotlin does.
   */
  private boolean branchMismatch(Expr branch, Type found, Type expected) {
    if (expected == null || Arguments.hasVars(expected) || cx.isSub(found, expected)) {
      return false;
    }
    Expr at = branch;
    if (branch instanceof Expr.BlockExpr b && !b.block().stmts().isEmpty()
        && b.block().stmts().get(b.block().stmts().size() - 1) instanceof io.slipway.syntax.ast.Stmt.ExprStmt es) {
      at = es.expr();
    }
    exprs.mismatch(at, found, expected);
    return true;
  }

  private Type branch(Expr e, Type expected, Env env, boolean used) {
    return used ? exprs.check(e, expected, env) : exprs.checkUnused(e, env);
  }

  Type when(Expr.When w, Type expected, Env env, boolean used) {
    Type subject = w.subject() == null ? null : exprs.check(w.subject(), null, env);
    boolean hasElse = false;
    boolean sawTrue = false;
    boolean sawFalse = false;
    boolean sawNull = false;
    String subjectPath = w.subject() == null ? null : path(w.subject(), env, cx);
    Type result = null;
    boolean allJump = true;
    for (WhenBranch br : w.branches()) {
      Env benv = env;
      if (br.isElse()) {
        hasElse = true;
        // `when (x) { null -> ...; else -> x.length }`: x is not null in the else branch
        if (sawNull && subjectPath != null && Types.isNullable(subject)) {
          cx.pathCasts |= subjectPath.indexOf('.') > 0;
          benv = env.narrowed(Map.of(subjectPath, Types.nonNull(subject)));
        }
      }
      for (WhenCond c : br.conditions()) {
        switch (c) {
          case WhenCond.Value v -> {
            if (subject == null) {
              exprs.condition(v.expr(), env);
              if (br.conditions().size() == 1) {
                benv = env.narrowed(facts(v.expr(), env, cx).whenTrue());
              }
            } else {
              Type t = exprs.check(v.expr(), subject, env);
              sawNull |= v.expr() instanceof Expr.NullLit;
              if (v.expr() instanceof Expr.BoolLit b) {
                sawTrue |= b.value();
                sawFalse |= !b.value();
              }
              if (!Types.isError(t) && !Types.isError(subject) && !cx.isSub(t, subject) && !cx.isSub(subject, t)) {
                cx.report(Code.E0203, v.span(), "type mismatch: expected " + Ctx.show(subject) + ", found " + Ctx.show(t));
              }
            }
          }
          case WhenCond.Is is -> {
            Type t = cx.typeRefs.resolve(is.type());
            if (!is.negated() && br.conditions().size() == 1 && subjectPath != null) {
              cx.pathCasts |= subjectPath.indexOf('.') > 0;
              benv = env.narrowed(Map.of(subjectPath, t));
            }
          }
          case WhenCond.In in -> exprs.check(in.range(), null, env);
        }
      }
      Type bt = branch(br.body(), expected, benv, used);
      allJump &= Subtyping.isNothing(bt);
      if (used && branchMismatch(br.body(), bt, expected)) {
        bt = Types.ERROR;
      }
      result = result == null ? bt : cx.sub.join(result, bt);
    }
    List<String> missing = missingEntries(w, subject, env);
    boolean exhaustive = hasElse || subject != null && Types.nonNull(subject).equals(Types.BOOL)
        && sawTrue && sawFalse && !Types.isNullable(subject)
        || missing != null && missing.isEmpty();
    if (!used) {
      return exhaustive && allJump && result != null ? Types.NOTHING : Types.UNIT;
    }
    if (!exhaustive) {
      cx.report(Code.E0206, w.span(), "`when` used as an expression must be exhaustive",
          subject != null && Types.nonNull(subject).equals(Types.BOOL)
              ? "add the missing `true`/`false` branch or an `else` branch"
              : missing != null ? "add the missing branch" + (missing.size() == 1 ? " " : "es ")
                  + String.join(", ", missing.stream().map(x -> "`" + x + "`").toList()) + " or an `else` branch"
              : "add an `else` branch");
      return Types.ERROR;
    }
    return result == null ? Types.UNIT : result;
  }

  /**
   * For a {@code when} over an enum (non-null), the entries no branch names
   * ({@code Env.PROD}); null when the subject is not an enum.
   */
  private List<String> missingEntries(Expr.When w, Type subject, Env env) {
    if (subject == null || Types.isNullable(subject) || !(subject instanceof Type.ClassType c)) {
      return null;
    }
    DataClassInfo info = cx.dataClasses.get(c.name());
    if (info == null || !info.isEnum()) {
      return null;
    }
    var covered = new java.util.HashSet<String>();
    for (WhenBranch br : w.branches()) {
      for (WhenCond cond : br.conditions()) {
        if (cond instanceof WhenCond.Value v && v.expr() instanceof Expr.Member m
            && CallChecker.enumClass(m.target(), env) == info) {
          covered.add(m.name().text());
        }
      }
    }
    return info.entries().stream().filter(e -> !covered.contains(e)).map(e -> info.name() + "." + e).toList();
  }

  Type tryExpr(Expr.Try t, Type expected, Env env, boolean used) {
    Type result = cx.stmts.block(t.body(), env, used, expected);
    for (CatchClause c : t.catches()) {
      Type et = cx.typeRefs.resolve(c.type());
      if (!Types.isError(et) && !cx.isSub(et, Types.cls("Error"))) {
        cx.report(Code.E0203, c.type().span(), "type mismatch: expected an `Error` type, found " + et,
            "catch `Error` or one of its subtypes such as `StepFailed`");
        et = Types.ERROR;
      }
      Env cenv = env.child();
      cenv.scope().put(Symbol.value(c.name().text(), false, et, cx.file, c.name().span()));
      Type ct = cx.stmts.block(c.body(), cenv, used, expected);
      result = used ? cx.sub.join(result, ct) : (Subtyping.isNothing(result) && Subtyping.isNothing(ct) ? Types.NOTHING : Types.UNIT);
    }
    if (t.finallyBlock() != null) {
      cx.stmts.block(t.finallyBlock(), env, false, null);
    }
    return used ? result : (Subtyping.isNothing(result) ? Types.NOTHING : Types.UNIT);
  }
}
