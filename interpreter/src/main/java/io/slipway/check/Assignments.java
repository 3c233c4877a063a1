package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.AssignOp;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import io.slipway.types.Types;

/** {@code x = v}, {@code x += v}, {@code obj.p = v}, {@code xs[i] = v}: targets must be writable (E0304). */
final class Assignments {
  private final Ctx cx;
  private final ExprChecker exprs;

  Assignments(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  void assign(Stmt.Assign a, Env env) {
    if (a.op() == AssignOp.ASSIGN) {
      Type target = targetType(a, env, false);
      if (target == null) {
        exprs.check(a.value(), null, env);
      } else {
        exprs.expect(a.value(), target, env);
        renarrow(a, env, target);
      }
      return;
    }
    // `x += v` reads x: check `x + v` first (once), then whether x can be written
    var bin = new Expr.Binary(a.span(), binaryOp(a.op()), a.target(), a.value());
    Type result = exprs.check(bin, null, env);
    if (Types.isError(cx.types.type(a.target()))) {
      return;
    }
    Type target = targetType(a, env, true);
    // `xs += x` on a MutableList/MutableMap adds in place (Kotlin's plusAssign)
    if (target != null && a.op() == AssignOp.ADD && isMutableCollection(target)) {
      return;
    }
    if (target != null && !Types.isError(result) && !cx.isSub(result, target)) {
      cx.report(Code.E0203, a.value().span(), "type mismatch: `" + a.op().symbol() + "` gives " + Ctx.show(result)
          + ", but the target is " + Ctx.show(target));
    }
  }

  /**
   * Assigning a {@code var} re-types it for the rest of the block, as Kotlin's smart casts do:
   * the assigned value's type when narrower ({@code s = "a"}), else the declared one ({@code s = null}
   * ends an {@code if (s != null)} smart cast).
   */
  private void renarrow(Stmt.Assign a, Env env, Type declared) {
    if (a.target() instanceof Expr.Name n) {
      Symbol sym = env.scope().lookup(n.id());
      if (sym == null || sym.declared().kind() != Symbol.Kind.VAR) {
        return;
      }
      Type assigned = cx.types.type(a.value());
      boolean narrower = cx.isSub(assigned, declared) && !Types.isError(assigned) && !assigned.equals(Types.NULL)
          && !assigned.equals(declared);
      if (narrower || sym.origin() != null) {
        env.scope().put(sym.narrowed(narrower ? assigned : declared));
      }
    }
  }

  private static BinaryOp binaryOp(AssignOp op) {
    return switch (op) {
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUB;
      case MUL -> BinaryOp.MUL;
      case DIV -> BinaryOp.DIV;
      case REM -> BinaryOp.REM;
      case ASSIGN -> throw new IllegalArgumentException("plain assignment");
    };
  }

  /** The declared type of a writable target, or null after reporting (or for an error target). */
  private Type targetType(Stmt.Assign a, Env env, boolean checked) {
    boolean compound = checked;
    return switch (a.target()) {
      case Expr.Name n -> {
        Symbol sym = env.scope().lookup(n.id());
        if (sym == null) {
          Type own = receiverProperty(n, env, compound);
          if (own == null) {
            exprs.check(n, null, env);
          }
          yield Types.isError(own) ? null : own;
        }
        Symbol decl = sym.declared();
        if (decl.kind() != Symbol.Kind.VAR) {
          if (compound && isMutableCollection(decl.type())) {
            yield Types.ERROR;
          }
          cx.out.add(cx.error(Code.E0304, n.span(), "cannot assign to `" + n.id() + "`: it is a "
              + (decl.kind() == Symbol.Kind.FUN ? "function" : decl.kind() == Symbol.Kind.DATA ? "data class" : "`val`"))
              .withHint(decl.kind() == Symbol.Kind.VAL ? "declare it with `var` to make it reassignable" : null)
              .withRelated(cx.label(decl.file(), decl.span(), "`" + n.id() + "` is declared here")));
          yield null;
        }
        if (!compound) {
          cx.record(n, decl.type());
        }
        yield decl.type();
      }
      case Expr.Member m -> {
        Type recv = checked ? cx.types.type(m.target()) : exprs.check(m.target(), null, env);
        if (Types.isError(recv)) {
          yield null;
        }
        DataClassInfo dc = cx.dataClasses.get(Members.ownerName(recv));
        var field = dc == null ? null : dc.field(m.name().text()).orElse(null);
        if (field != null && field.mutable()) {
          yield field.type();
        }
        if (field == null && dc != null && dc.isState(m.name().text())) {
          yield exprs.members().property(Types.nonNull(recv), m.name().text());
        }
        if (field == null && exprs.members().property(Types.nonNull(recv), m.name().text()) == null) {
          cx.report(Code.E0302, m.name().span(), "unknown member `" + m.name().text() + "` of `" + Types.nonNull(recv) + "`",
              DidYouMean.hint(m.name().text(), exprs.members().names(recv)));
          yield null;
        }
        cx.report(Code.E0304, m.name().span(), "cannot assign to `" + m.name().text() + "`: it is read-only",
            field != null ? "declare the property with `var` in `" + dc.name() + "`, or use `copy(...)`" : null);
        yield null;
      }
      case Expr.Index ix -> {
        Type t = checked ? cx.types.type(ix.target()) : exprs.check(ix.target(), null, env);
        if (!checked) {
          exprs.check(ix.index(), null, env);
        }
        if (Types.isError(t)) {
          yield null;
        }
        if (Types.nonNull(t) instanceof Type.ClassType c) {
          Type.ClassType ml = cx.sub.asSuper(c, "MutableList");
          if (ml != null && ml.args().size() == 1) {
            if (!checked) {
              exprs.mismatch(ix.index(), cx.types.type(ix.index()), Types.INT);
            }
            yield ml.args().get(0);
          }
          Type.ClassType mm = cx.sub.asSuper(c, "MutableMap");
          if (mm != null && mm.args().size() == 2) {
            if (!checked) {
              exprs.mismatch(ix.index(), cx.types.type(ix.index()), mm.args().get(0));
            }
            yield mm.args().get(1);
          }
        }
        cx.report(Code.E0304, ix.span(), "cannot assign through `[]`: `" + Ctx.show(t) + "` is read-only",
            "use `mutableListOf(...)` or `mutableMapOf(...)` for a collection you change");
        yield null;
      }
      default -> {
        cx.report(Code.E0304, a.target().span(), "this expression cannot be assigned to");
        yield null;
      }
    };
  }

  /**
   * {@code count += 1} in a member of a class: the implicit receiver's {@code var} (a constructor
   * property or a body {@code var}); its type, the error type after reporting a read-only one
   * (E0304), or null when the receiver has no such property.
   */
  private Type receiverProperty(Expr.Name n, Env env, boolean compound) {
    Type recv = env.receiver();
    DataClassInfo dc = recv == null ? null : cx.dataClasses.get(Members.ownerName(recv));
    if (dc == null) {
      return null;
    }
    var field = dc.field(n.id()).orElse(null);
    Type t = field != null && field.mutable() ? field.type()
        : dc.isState(n.id()) ? exprs.members().property(Types.nonNull(recv), n.id()) : null;
    if (t != null) {
      if (!compound) {
        cx.record(n, t);
      }
      return t;
    }
    if (field == null && exprs.members().property(Types.nonNull(recv), n.id()) == null) {
      return null;
    }
    cx.report(Code.E0304, n.span(), "cannot assign to `" + n.id() + "`: it is read-only",
        "declare the property with `var` in `" + dc.name() + "`");
    return Types.ERROR;
  }

  private boolean isMutableCollection(Type t) {
    return t instanceof Type.ClassType c
        && (cx.sub.asSuper(c, "MutableList") != null || cx.sub.asSuper(c, "MutableMap") != null
            || cx.sub.asSuper(c, "MutableSet") != null);
  }
}
