package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.diag.Code;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.Set;

/** Binary operators and indexing, exactly as the brief's operator table says (E0201, E0205). */
final class Operators {
  private static final Set<Type> ORDERED = Set.of(Types.INT, Types.DOUBLE, Types.STRING, Types.CHAR,
      Types.DURATION, Types.PERCENT, Types.BANDWIDTH, Types.BYTE_SIZE);

  /** Basic types that are never equal to one another (Kotlin's incompatible equality). */
  private static final Set<Type> BASIC = Set.of(Types.INT, Types.DOUBLE, Types.BOOL,
      Types.STRING, Types.CHAR);

  private final Ctx cx;
  private final ExprChecker exprs;

  Operators(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  Type binary(Expr.Binary b, Type expected, Env env) {
    BinaryOp op = b.op();
    switch (op) {
      case AND, OR -> {
        exprs.check(b.left(), Types.BOOL, env);
        var facts = ControlFlow.facts(b.left(), env, cx);
        Env right = env.narrowed(op == BinaryOp.AND ? facts.whenTrue() : facts.whenFalse());
        exprs.check(b.right(), Types.BOOL, right);
        Type l = cx.types.type(b.left());
        Type r = cx.types.type(b.right());
        if (bad(l, Types.BOOL) || bad(r, Types.BOOL)) {
          return report(b, l, r);
        }
        return Types.BOOL;
      }
      case ELVIS -> {
        Type l = exprs.check(b.left(), expected == null ? null : Types.nullable(expected), env);
        Type r = exprs.check(b.right(), expected, env);
        return cx.sub.join(Types.nonNull(l), r);
      }
      case TO -> {
        Type l = exprs.check(b.left(), pairArg(expected, 0), env);
        Type r = exprs.check(b.right(), pairArg(expected, 1), env);
        return Types.cls("Pair", l, r);
      }
      default -> {
        // fall through to the operand-typed operators below
      }
    }
    Type l = exprs.check(b.left(), null, env);
    Type r = exprs.check(b.right(), null, env);
    if (op == BinaryOp.EQ || op == BinaryOp.NE) {
      return equality(b, l, r);
    }
    if (Types.isError(l) || Types.isError(r)) {
      return switch (op) {
        case LT, GT, LE, GE, IN, NOT_IN -> Types.BOOL;
        case ADD -> l.equals(Types.STRING) ? Types.STRING : Types.ERROR;
        default -> Types.ERROR;
      };
    }
    Type result = switch (op) {
      case ADD -> add(l, r);
      case SUB -> l.equals(Types.CHAR) ? charMinus(r) : minus(l, r);
      case MUL -> mul(l, r);
      case DIV -> div(l, r);
      case REM -> numeric(l, r, false);
      case LT, GT, LE, GE -> compare(l, r);
      case RANGE -> l.equals(r) && (l.equals(Types.INT) || l.equals(Types.CHAR)) ? Types.list(l) : null;
      case IN, NOT_IN -> contains(l, r);
      default -> null;
    };
    if (result == null) {
      if (op == BinaryOp.ADD && (isSecret(l) || isSecret(r)) && (l.equals(Types.STRING) || r.equals(Types.STRING) || isSecret(l))) {
        cx.report(Code.E0205, b.span(), "a Secret cannot be concatenated with a string");
        return Types.ERROR;
      }
      return report(b, l, r);
    }
    return result;
  }

  /** {@code 'a' - 'b'} is the Int distance, {@code 'c' - 1} a Char. */
  private static Type charMinus(Type r) {
    return r.equals(Types.CHAR) ? Types.INT : r.equals(Types.INT) ? Types.CHAR : null;
  }

  /**
   * {@code ==} between two different basic types can never be true, and Kotlin rejects it:
   * {@code s[0] == "a"} compares a {@code Char} with a {@code String}.
   */
  private Type equality(Expr.Binary b, Type l, Type r) {
    Type nl = Types.nonNull(l);
    Type nr = Types.nonNull(r);
    if (BASIC.contains(nl) && BASIC.contains(nr) && !nl.equals(nr)) {
      String hint = nl.equals(Types.CHAR) && nr.equals(Types.STRING)
          || nl.equals(Types.STRING) && nr.equals(Types.CHAR)
          ? "a `Char` is written 'x'; compare with a character literal or convert with `toString()`"
          : null;
      cx.report(Code.E0201, b.span(), "operator `" + b.op().symbol() + "` cannot be applied to `"
          + Ctx.show(l) + "` and `" + Ctx.show(r) + "`", hint);
      return Types.ERROR;
    }
    return Types.BOOL;
  }

  private Type pairArg(Type expected, int i) {
    if (expected != null && Types.nonNull(expected) instanceof Type.ClassType c
        && c.name().equals("Pair") && c.args().size() == 2) {
      return c.args().get(i);
    }
    return null;
  }

  private boolean bad(Type t, Type want) {
    return !Types.isError(t) && !Subtyping.isNothing(t) && !t.equals(want);
  }

  private Type report(Expr.Binary b, Type l, Type r) {
    String hint = Types.isNullable(l) || Types.isNullable(r)
        ? "a value may be null: use `?:` or `!!` first" : null;
    cx.report(Code.E0201, b.span(), "operator `" + b.op().symbol() + "` cannot be applied to `"
        + Ctx.show(l) + "` and `" + Ctx.show(r) + "`", hint);
    return Types.ERROR;
  }

  private static boolean isSecret(Type t) {
    return Types.nonNull(t).equals(Types.SECRET);
  }

  private Type add(Type l, Type r) {
    if (l.equals(Types.STRING)) {
      return isSecret(r) ? null : Types.STRING;
    }
    if (l instanceof Type.ClassType lc) {
      Type coll = collectionPlusMinus(lc, r, true);
      if (coll != null) {
        return coll;
      }
      Type.ClassType map = cx.sub.asSuper(lc, "Map");
      if (map != null && map.args().size() == 2 && r instanceof Type.ClassType rc) {
        Type.ClassType other = rc.name().equals("Pair") ? rc : cx.sub.asSuper(rc, "Map");
        if (other != null && other.args().size() == 2) {
          return Types.map(cx.sub.join(map.args().get(0), other.args().get(0)),
              cx.sub.join(map.args().get(1), other.args().get(1)));
        }
      }
    }
    if (l.equals(Types.DURATION) && r.equals(Types.DURATION)) {
      return Types.DURATION;
    }
    if (l.equals(Types.BYTE_SIZE) && r.equals(Types.BYTE_SIZE)) {
      return Types.BYTE_SIZE;
    }
    if (l.equals(Types.CHAR) && r.equals(Types.INT)) {
      return Types.CHAR;
    }
    return numeric(l, r, false);
  }

  /**
   * {@code xs + x}, {@code xs + ys}, {@code xs - x}, {@code xs - ys} on a List or Set (ys any List
   * or Set): the same kind of collection back, as Kotlin's {@code plus}/{@code minus}. Null when
   * {@code l} is neither.
   */
  private Type collectionPlusMinus(Type.ClassType l, Type r, boolean plus) {
    String kind = "List";
    Type.ClassType coll = cx.sub.asSuper(l, kind);
    if (coll == null) {
      kind = "Set";
      coll = cx.sub.asSuper(l, kind);
    }
    if (coll == null || coll.args().size() != 1) {
      return null;
    }
    Type elem = coll.args().get(0);
    Type other = r;
    if (r instanceof Type.ClassType rc) {
      Type.ClassType rl = cx.sub.asSuper(rc, "List");
      Type.ClassType rs = rl != null ? rl : cx.sub.asSuper(rc, "Set");
      if (rs != null && rs.args().size() == 1) {
        other = rs.args().get(0);
      }
    }
    if (!plus) {
      return comparable(other, elem) ? Types.cls(kind, elem) : null;
    }
    return Types.cls(kind, cx.sub.join(elem, other));
  }

  private Type minus(Type l, Type r) {
    Type coll = l instanceof Type.ClassType lc ? collectionPlusMinus(lc, r, false) : null;
    return coll != null ? coll : numeric(l, r, true);
  }

  private Type numeric(Type l, Type r, boolean units) {
    boolean ln = l.equals(Types.INT) || l.equals(Types.DOUBLE);
    boolean rn = r.equals(Types.INT) || r.equals(Types.DOUBLE);
    if (ln && rn) {
      return l.equals(Types.INT) && r.equals(Types.INT) ? Types.INT : Types.DOUBLE;
    }
    if (units && l.equals(r) && (l.equals(Types.DURATION) || l.equals(Types.BYTE_SIZE))) {
      return l;
    }
    return null;
  }

  private Type mul(Type l, Type r) {
    boolean rn = r.equals(Types.INT) || r.equals(Types.DOUBLE);
    boolean ln = l.equals(Types.INT) || l.equals(Types.DOUBLE);
    if (l.equals(Types.DURATION) && rn || ln && r.equals(Types.DURATION)) {
      return Types.DURATION;
    }
    return numeric(l, r, false);
  }

  private Type div(Type l, Type r) {
    if (l.equals(Types.DURATION)) {
      if (r.equals(Types.INT) || r.equals(Types.DOUBLE)) {
        return Types.DURATION;
      }
      if (r.equals(Types.DURATION)) {
        return Types.DOUBLE;
      }
    }
    return numeric(l, r, false);
  }

  private Type compare(Type l, Type r) {
    boolean mixedNumbers = (l.equals(Types.INT) || l.equals(Types.DOUBLE))
        && (r.equals(Types.INT) || r.equals(Types.DOUBLE));
    return mixedNumbers || l.equals(r) && ORDERED.contains(l) ? Types.BOOL : null;
  }

  private Type contains(Type l, Type r) {
    if (r.equals(Types.STRING)) {
      return l.equals(Types.STRING) || l.equals(Types.CHAR) ? Types.BOOL : null;
    }
    if (r instanceof Type.ClassType rc) {
      Type.ClassType list = cx.sub.asSuper(rc, "List");
      if (list != null && list.args().size() == 1) {
        return comparable(l, list.args().get(0)) ? Types.BOOL : null;
      }
      Type.ClassType map = cx.sub.asSuper(rc, "Map");
      if (map != null && map.args().size() == 2) {
        return comparable(l, map.args().get(0)) ? Types.BOOL : null;
      }
      Type.ClassType set = cx.sub.asSuper(rc, "Set");
      if (set != null && set.args().size() == 1) {
        return comparable(l, set.args().get(0)) ? Types.BOOL : null;
      }
    }
    return null;
  }

  private boolean comparable(Type a, Type b) {
    return cx.isSub(a, b) || cx.isSub(b, a);
  }

  /** {@code xs[i]}: List by Int, Map by key (nullable result), Json by Int or String. */
  Type index(Expr.Index ix, Env env) {
    Type t = exprs.check(ix.target(), null, env);
    Type i = exprs.check(ix.index(), null, env);
    if (Types.isError(t)) {
      return t;
    }
    if (Types.isNullable(t)) {
      cx.report(Code.E0204, ix.span(), "unsafe index on a nullable value of type `" + t + "`", "use `!!` first");
      t = Types.nonNull(t);
    }
    if (t instanceof Type.ClassType c) {
      Type.ClassType list = cx.sub.asSuper(c, "List");
      if (list != null && list.args().size() == 1) {
        exprs.mismatch(ix.index(), i, Types.INT);
        return list.args().get(0);
      }
      Type.ClassType map = cx.sub.asSuper(c, "Map");
      if (map != null && map.args().size() == 2) {
        exprs.mismatch(ix.index(), i, map.args().get(0));
        return Types.nullable(map.args().get(1));
      }
      if (c.equals(Types.JSON)) {
        if (!Types.isError(i) && !i.equals(Types.INT) && !i.equals(Types.STRING)) {
          cx.report(Code.E0203, ix.index().span(), "type mismatch: expected Int or String, found " + Ctx.show(i));
        }
        return Types.JSON;
      }
      if (c.equals(Types.STRING)) {
        exprs.mismatch(ix.index(), i, Types.INT);
        return Types.CHAR;
      }
      BuiltinFunction get = exprs.members().method(c, "get");
      if (get != null && get.params().size() == 1) {
        var subst = exprs.members().ownerSubst(get.receiverType(), c);
        exprs.mismatch(ix.index(), i, Subtyping.substitute(get.params().get(0).type(), subst));
        return Subtyping.substitute(get.result(), subst);
      }
    }
    cx.report(Code.E0201, ix.span(), "`" + Ctx.show(t) + "` cannot be indexed with `[]`");
    return Types.ERROR;
  }
}
