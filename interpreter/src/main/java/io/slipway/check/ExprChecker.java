package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.UnaryOp;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers and checks expressions. {@code expected} is a hint used for inference (lambdas, empty
 * collections); {@link #expect} also reports a mismatch. Every expression that already caused a
 * diagnostic gets the error type, which is compatible with everything, so nothing cascades.
 */
final class ExprChecker {
  private final Ctx cx;
  private final Members members;
  private final Operators ops;
  private final ControlFlow flow;

  ExprChecker(Ctx cx) {
    this.cx = cx;
    this.members = new Members(cx);
    this.ops = new Operators(cx, this);
    this.flow = new ControlFlow(cx, this);
  }

  Members members() {
    return members;
  }

  /** Checks {@code e} and reports E0203 (or E0205 for a Secret) if it is not an {@code expected}. */
  Type expect(Expr e, Type expected, Env env) {
    Type t = check(e, expected, env);
    mismatch(e, t, expected);
    return t;
  }

  /** Reports a mismatch between an already-checked expression and what was expected. */
  void mismatch(Expr e, Type found, Type expected) {
    if (expected == null || cx.isSub(found, expected)) {
      return;
    }
    if (Types.nonNull(found).equals(Types.SECRET) && accepts(expected, Types.STRING)) {
      cx.report(Code.E0205, e.span(), "a Secret cannot be used as a `String`",
          "a Secret is accepted only where a credential is expected");
      return;
    }
    String hint = null;
    Type exp = Types.nonNull(expected);
    if (exp.equals(Types.DURATION) && found.equals(Types.INT)) {
      hint = "did you mean `" + cx.file.slice(e.span()) + ".seconds`?";
    } else if (exp.equals(Types.PERCENT) && found.equals(Types.INT)) {
      hint = "did you mean `" + cx.file.slice(e.span()) + ".percent`?";
    } else if (Types.isNullable(found) && cx.isSub(Types.nonNull(found), expected)) {
      hint = "the value may be null: use `?:` to give a default or `!!` to assert it is not";
    }
    cx.report(Code.E0203, e.span(),
        "type mismatch: expected " + Ctx.show(expected) + ", found " + Ctx.show(found), hint);
  }

  private boolean accepts(Type expected, Type t) {
    return cx.isSub(t, expected) && !cx.isSub(Types.SECRET, expected);
  }

  /** Checks an expression whose value is used. */
  Type check(Expr e, Type expected, Env env) {
    return cx.record(e, infer(e, expected, env, true));
  }

  /** Checks an expression statement: {@code if} without else and {@code when} without else are fine. */
  Type checkUnused(Expr e, Env env) {
    return cx.record(e, infer(e, null, env, false));
  }

  private Type infer(Expr e, Type expected, Env env, boolean used) {
    return switch (e) {
      case Expr.IntLit i -> Types.INT;
      case Expr.DoubleLit d -> Types.DOUBLE;
      case Expr.BoolLit b -> Types.BOOL;
      case Expr.CharLit c -> Types.CHAR;
      case Expr.NullLit n -> Types.NULL;
      case Expr.Str s -> template(s, env);
      case Expr.Name n -> name(n, env);
      case Expr.Member m -> member(m, env);
      case Expr.Call c -> cx.calls.call(c, expected, env);
      case Expr.CallableRef r -> cx.calls.reference(r, env);
      case Expr.Index ix -> ops.index(ix, env);
      case Expr.Unary u -> unary(u, env);
      case Expr.NotNull nn -> {
        Type t = check(nn.operand(), expected == null ? null : Types.nullable(expected), env);
        yield Types.nonNull(t);
      }
      case Expr.Binary b -> ops.binary(b, expected, env);
      case Expr.InfixCall ic -> cx.calls.infix(ic, env);
      case Expr.Is is -> {
        check(is.operand(), null, env);
        cx.typeRefs.resolve(is.type());
        yield Types.BOOL;
      }
      case Expr.As as -> {
        check(as.operand(), null, env);
        Type t = cx.typeRefs.resolve(as.type());
        yield as.safe() ? Types.nullable(t) : t;
      }
      case Expr.Lambda l -> cx.calls.lambda(l, expected instanceof Type.FnType f ? f : null, env, java.util.Map.of());
      case Expr.If i -> flow.ifExpr(i, expected, env, used);
      case Expr.When w -> flow.when(w, expected, env, used);
      case Expr.Try t -> flow.tryExpr(t, expected, env, used);
      case Expr.BlockExpr b -> cx.stmts.block(b.block(), env, used, expected);
      case Expr.Error err -> Types.ERROR;
    };
  }

  private Type template(Expr.Str s, Env env) {
    Expr.Str saved = cx.shellString;
    cx.shellString = cx.shellStrings.contains(s) ? s : null;
    try {
      interpolations(s, env);
    } finally {
      cx.shellString = saved;
    }
    return Types.STRING;
  }

  private void interpolations(Expr.Str s, Env env) {
    for (TemplatePart p : s.parts()) {
      if (p instanceof TemplatePart.Interpolation in) {
        Type t = check(in.expr(), null, env);
        if (Types.nonNull(t).equals(Types.SECRET)) {
          cx.report(Code.E0205, in.span(), "a Secret cannot be interpolated into a string",
              "pass the Secret itself where a credential is expected, e.g. `env(\"K\" to secret)`");
        }
      }
    }
  }

  private Type name(Expr.Name n, Env env) {
    if (n.id().equals("this") && env.receiver() != null) {
      return env.receiver(); // the innermost receiver: a lambda's (`apply { this }`) or the function's
    }
    Symbol sym = env.scope().lookup(n.id());
    if (sym != null) {
      return switch (sym.kind()) {
        case FUN -> sym.fun().type();
        case DATA -> {
          if (sym.data().isEnum()) {
            cx.report(Code.E0301, n.span(), "`" + n.id() + "` is an enum class, not a value",
                "use an entry (`" + n.id() + "." + sym.data().entries().stream().findFirst().orElse("X")
                    + "`) or `" + n.id() + ".entries`");
          } else {
            cx.report(Code.E0301, n.span(), "`" + n.id() + "` is a data class, not a value",
                "construct it with `" + n.id() + "(...)`");
          }
          yield Types.ERROR;
        }
        default -> sym.type();
      };
    }
    if (env.receiver() != null) {
      Type t = members.property(env.receiver(), n.id());
      if (t != null) {
        return t;
      }
      DataClassInfo own = cx.dataClasses.get(Members.ownerName(env.receiver()));
      if (own != null && own.isEnum() && own.entries().contains(n.id())) {
        return own.type(); // `RED` in a member of `enum class Color`, as Kotlin's class scope has it
      }
    }
    if (n.id().equals("params")) {
      return Types.cls(Members.PARAMS);
    }
    var global = cx.registry.property(null, n.id());
    if (global.isPresent()) {
      return global.get().type();
    }
    var fn = cx.registry.function(n.id());
    if (fn.isPresent() && fn.get().typeParams().isEmpty()) {
      return new Type.FnType(null, fn.get().params().stream().map(p -> p.type()).toList(), fn.get().result());
    }
    unknownName(n.span(), n.id(), env);
    return Types.ERROR;
  }

  void unknownName(io.slipway.source.Span span, String id, Env env) {
    var candidates = new ArrayList<String>(env.scope().names());
    candidates.addAll(cx.registry.globalNames());
    candidates.addAll(cx.dataClasses.keySet());
    candidates.add("params");
    if (env.receiver() != null) {
      candidates.addAll(members.names(env.receiver()));
    }
    String shell = ShellHints.hint(cx, span, id);
    cx.report(Code.E0301, span, "unknown name `" + id + "`",
        shell != null ? shell : DidYouMean.hint(id, candidates));
  }

  private Type member(Expr.Member m, Env env) {
    DataClassInfo enumInfo = CallChecker.enumClass(m.target(), env);
    if (enumInfo != null) {
      Type t = cx.calls.enumStatic(enumInfo, m);
      if (t == null) {
        cx.report(Code.E0302, m.name().span(), "unknown member `" + m.name().text() + "` of enum class `"
            + enumInfo.name() + "`", DidYouMean.hint(m.name().text(), CallChecker.enumStaticNames(enumInfo)));
        return Types.ERROR;
      }
      return t;
    }
    Type target = check(m.target(), null, env);
    if (Types.isError(target)) {
      return Types.ERROR;
    }
    String name = m.name().text();
    if (cx.pathCasts && !m.safe() && (m.target() instanceof Expr.Name || m.target() instanceof Expr.Member)) {
      String path = ControlFlow.path(m, env, cx);
      Symbol cast = path == null ? null : env.scope().lookup(path);
      if (cast != null) {
        return cast.type();
      }
    }
    if (Types.isNullable(target) && !m.safe()) {
      cx.report(Code.E0204, m.name().span(), "unsafe access to `" + name + "` on a nullable value of type `"
          + Ctx.show(target) + "`", "use `?.` or `!!`");
      Type t = members.property(Types.nonNull(target), name);
      return t == null ? Types.ERROR : t;
    }
    Type recv = Types.nonNull(target);
    Type t = members.property(recv, name);
    if (t == null) {
      if (members.method(recv, name) != null) {
        cx.report(Code.E0302, m.name().span(), "`" + name + "` is a method of `" + recv + "`, not a property",
            "call it: `" + name + "()`");
      } else {
        cx.report(Code.E0302, m.name().span(), "unknown member `" + name + "` of `" + recv + "`",
            DidYouMean.hint(name, members.names(recv)));
      }
      return Types.ERROR;
    }
    unitRange(m, recv);
    return m.safe() && Types.isNullable(target) ? Types.nullable(t) : t;
  }

  /** E0208: a constant percentage outside 0..100. */
  private void unitRange(Expr.Member m, Type recv) {
    if (!m.name().text().equals("percent")) {
      return;
    }
    double v = m.target() instanceof Expr.IntLit i ? i.value()
        : m.target() instanceof Expr.DoubleLit d ? d.value() : 0;
    if (v < 0 || v > 100) {
      cx.report(Code.E0208, m.span(), "`" + cx.file.slice(m.span())
          + "` is out of range: a percentage is between 0 and 100");
    }
  }

  private Type unary(Expr.Unary u, Env env) {
    Type t = check(u.operand(), null, env);
    if (Types.isError(t)) {
      return t;
    }
    if (u.op() == UnaryOp.NOT) {
      if (!t.equals(Types.BOOL)) {
        cx.report(Code.E0201, u.span(), "operator `!` cannot be applied to `" + t + "`");
        return Types.ERROR;
      }
      return Types.BOOL;
    }
    if (t.equals(Types.INT) || t.equals(Types.DOUBLE) || t.equals(Types.DURATION)) {
      return t;
    }
    cx.report(Code.E0201, u.span(), "operator `" + u.op().symbol() + "` cannot be applied to `" + t + "`",
        Types.isNullable(t) ? "the value may be null: use `?:` or `!!` first" : null);
    return Types.ERROR;
  }

  /** Checks that a condition is a Bool (E0202). */
  void condition(Expr e, Env env) {
    Type t = check(e, Types.BOOL, env);
    if (!Types.isError(t) && !t.equals(Types.BOOL) && !Subtyping.isNothing(t)) {
      cx.report(Code.E0202, e.span(), "condition must be `Bool`, found `" + Ctx.show(t) + "`");
    }
  }
}
