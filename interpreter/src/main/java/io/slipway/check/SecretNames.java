package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves what the name of a {@code secret(..)} call can be ({@link SecretName}), so that every
 * secret is registered for masking before the first stage even when its name is computed
 * (issue 11 item 6). A name that cannot be known before the run (a function parameter, a
 * {@code var}, a value read at run time) is error E0508 where it is written.
 */
final class SecretNames {
  /** A {@code val}'s initializer with the scope it was declared in. */
  record Source(Expr init, Env env) {}

  private static final int MAX_DEPTH = 64;
  private final Ctx cx;

  SecretNames(Ctx cx) {
    this.cx = cx;
  }

  /** Records the name of a checked {@code secret(..)} call, or reports why it is not known. */
  void check(Expr.Call c, Env env) {
    Expr arg = nameArg(c);
    if (arg == null || Types.isError(cx.types.type(arg))) {
      return; // already reported
    }
    if (CallChecker.literal(arg) instanceof String s) {
      cx.secretNames.add(s);
      return;
    }
    try {
      SecretName name = translate(arg, env, 0);
      if (name.bound() > SecretName.MAX_CANDIDATES) {
        throw new Unknown(arg, "it can be more than " + SecretName.MAX_CANDIDATES + " names");
      }
      cx.computedSecretNames.add(name);
    } catch (Unknown u) {
      cx.report(Code.E0508, u.where.span(), "the name of this secret is not known before the run"
          + (u.why == null ? "" : ": " + u.why),
          "build it from literals, params, `val`s and matrix values (every name it can be is "
              + "read and masked before the first stage), or pass the `Secret` itself instead of its name");
    }
  }

  private static Expr nameArg(Expr.Call c) {
    for (Arg a : c.args()) {
      if (a.name() == null || a.name().text().equals("name")) {
        return a.value();
      }
    }
    return null;
  }

  /** Why a part of a name is not known: where, and a reason when there is a useful one. */
  private static final class Unknown extends RuntimeException {
    final transient Expr where;
    final String why;

    Unknown(Expr where, String why) {
      super(why, null, false, false);
      this.where = where;
      this.why = why;
    }
  }

  private SecretName translate(Expr e, Env env, int depth) {
    if (depth > MAX_DEPTH) {
      throw new Unknown(e, "it is built too deeply");
    }
    return switch (e) {
      case Expr.Str s -> {
        var parts = new ArrayList<SecretName>();
        for (TemplatePart p : s.parts()) {
          parts.add(switch (p) {
            case TemplatePart.Text t -> new SecretName.Literal(t.text());
            case TemplatePart.Interpolation i -> translate(i.expr(), env, depth + 1);
          });
        }
        yield parts.isEmpty() ? new SecretName.Literal("") : SecretName.concat(parts);
      }
      case Expr.IntLit i -> new SecretName.Literal(Long.toString(i.value()));
      case Expr.CharLit ch -> new SecretName.Literal(String.valueOf(ch.value()));
      case Expr.BoolLit b -> new SecretName.Literal(Boolean.toString(b.value()));
      case Expr.Binary b when b.op() == BinaryOp.ADD
          && Types.STRING.equals(Types.nonNull(cx.types.type(b))) ->
          SecretName.concat(List.of(translate(b.left(), env, depth + 1),
              translate(b.right(), env, depth + 1)));
      case Expr.Binary b when b.op() == BinaryOp.ELVIS ->
          new SecretName.OneOf(List.of(translate(b.left(), env, depth + 1),
              translate(b.right(), env, depth + 1)));
      case Expr.If i when i.otherwise() != null ->
          new SecretName.OneOf(List.of(branch(i.then(), env, depth), branch(i.otherwise(), env, depth)));
      case Expr.When w -> {
        var options = new ArrayList<SecretName>();
        for (WhenBranch b : w.branches()) {
          options.add(branch(b.body(), env, depth));
        }
        yield new SecretName.OneOf(options);
      }
      case Expr.Member m when m.target() instanceof Expr.Name n && n.id().equals("params")
          && env.scope().lookup("params") == null -> new SecretName.Param(m.name().text());
      case Expr.Call c when c.callee() instanceof Expr.Member m && c.args().isEmpty()
          && c.trailing() == null && SecretName.pureMethod(m.name().text())
          && Types.STRING.equals(Types.nonNull(cx.types.type(m.target()))) ->
          new SecretName.Method(translate(m.target(), env, depth + 1), m.name().text());
      case Expr.Name n -> name(n, env, depth);
      default -> throw new Unknown(e, null);
    };
  }

  /** A branch: an expression, or a block holding just one. */
  private SecretName branch(Expr e, Env env, int depth) {
    if (e instanceof Expr.BlockExpr b) {
      if (b.block().stmts().size() == 1 && b.block().stmts().get(0) instanceof Stmt.ExprStmt s) {
        return translate(s.expr(), env, depth + 1);
      }
      throw new Unknown(e, null);
    }
    return translate(e, env, depth + 1);
  }

  private SecretName name(Expr.Name n, Env env, int depth) {
    Symbol sym = env.scope().lookup(n.id());
    if (sym == null) {
      throw new Unknown(n, null);
    }
    Symbol declared = sym.declared();
    if (cx.matrixValues.get(declared) instanceof Source values) {
      return matrixValues(values.init(), values.env(), depth);
    }
    if (cx.valSources.get(declared) instanceof Source src) {
      return translate(src.init(), src.env(), depth + 1);
    }
    throw new Unknown(n, "`" + n.id() + "` is "
        + (declared.kind() == Symbol.Kind.VAR ? "a `var`" : "only known while the pipeline runs"));
  }

  /** A matrix axis's values: {@code listOf(..)} of known names. */
  private SecretName matrixValues(Expr values, Env env, int depth) {
    if (values instanceof Expr.Call c && c.callee() instanceof Expr.Name f
        && f.id().equals("listOf") && c.trailing() == null) {
      var options = new ArrayList<SecretName>();
      for (Arg a : c.args()) {
        options.add(translate(a.value(), env, depth + 1));
      }
      return new SecretName.OneOf(options);
    }
    return translate(values, env, depth + 1);
  }
}
