package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostics;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks one declaration of an overloaded builtin ({@code run { }} beside the Docker
 * {@code run(image = ..)}) by the call's arguments, as Kotlin's overload resolution does for the
 * cases the standard library has: first by shape (named arguments, how many, a trailing lambda,
 * lambdas and literals against function-typed parameters, required parameters given), then, if
 * several remain, by the types of the plain arguments. The choice is recorded on the call
 * ({@link Expr.Call#resolution()}) so that the interpreter runs the same declaration. When none
 * fits: one E0309 listing the candidates.
 */
final class Overloads {
  private final Ctx cx;
  private final ExprChecker exprs;

  Overloads(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  /**
   * The declaration of {@code candidates} that accepts the arguments, or null after reporting
   * E0309 at {@code nameSpan}.
   */
  BuiltinFunction choose(List<BuiltinFunction> candidates, String display, Span nameSpan, List<Arg> args,
      Expr.Lambda trailing, Env env) {
    List<BuiltinFunction> fits = new ArrayList<>();
    for (BuiltinFunction f : candidates) {
      if (fitsShape(f, args, trailing)) {
        fits.add(f);
      }
    }
    if (fits.size() == 1) {
      return fits.get(0);
    }
    if (fits.isEmpty()) {
      List<String> shown = candidates.stream().map(Overloads::signature).toList();
      cx.report(Code.E0309, nameSpan, "no overload of `" + display + "` accepts these arguments",
          "the candidates are " + String.join(" and ", shown));
      return null;
    }
    for (BuiltinFunction f : fits) {
      if (fitsTypes(f, args, env)) {
        return f;
      }
    }
    return fits.get(0); // checking its arguments reports the mismatch
  }

  /** {@code `run(image: String | Image, …)`}: the required parameters, then … for the rest. */
  static String signature(BuiltinFunction f) {
    List<String> ps = new ArrayList<>();
    boolean more = false;
    for (BuiltinParam p : f.params()) {
      if (p.required() || p.vararg()) {
        ps.add((p.vararg() ? "vararg " : "") + p.name() + ": " + p.type());
      } else {
        more = true;
      }
    }
    if (more) {
      ps.add("…");
    }
    String owner = f.receiverType() == null ? "" : f.receiverType() + ".";
    return "`" + owner + f.name() + "(" + String.join(", ", ps) + ")`";
  }

  private static boolean fitsShape(BuiltinFunction f, List<Arg> args, Expr.Lambda trailing) {
    List<BuiltinParam> ps = f.params();
    boolean[] given = new boolean[ps.size()];
    int pos = 0;
    for (Arg a : args) {
      int idx;
      if (a.name() != null) {
        idx = indexOf(ps, a.name().text());
        if (idx < 0 || given[idx]) {
          return false;
        }
      } else {
        while (pos < ps.size() && given[pos] && !ps.get(pos).vararg()) {
          pos++;
        }
        if (pos >= ps.size()) {
          return false;
        }
        idx = pos;
      }
      if (!fitsKind(ps.get(idx).type(), a.value())) {
        return false;
      }
      given[idx] = true;
    }
    if (trailing != null) {
      int last = ps.size() - 1;
      if (last < 0 || given[last] && !ps.get(last).vararg() || !fitsKind(ps.get(last).type(), trailing)) {
        return false;
      }
      given[last] = true;
    }
    for (int i = 0; i < ps.size(); i++) {
      if (!given[i] && ps.get(i).required() && !ps.get(i).vararg()) {
        return false;
      }
    }
    return true;
  }

  /** A lambda or reference only for a function-typed parameter, a literal never for one. */
  private static boolean fitsKind(Type param, Expr arg) {
    Type p = Types.nonNull(param);
    boolean fn = p instanceof Type.FnType || p instanceof Type.TypeVar;
    if (arg instanceof Expr.Lambda || arg instanceof Expr.CallableRef) {
      return fn;
    }
    boolean literal = arg instanceof Expr.Str || arg instanceof Expr.IntLit || arg instanceof Expr.DoubleLit
        || arg instanceof Expr.BoolLit || arg instanceof Expr.CharLit;
    return !(literal && p instanceof Type.FnType);
  }

  /** Whether the plain (non-lambda) arguments' types fit; computed without reporting anything. */
  private boolean fitsTypes(BuiltinFunction f, List<Arg> args, Env env) {
    List<BuiltinParam> ps = f.params();
    int pos = 0;
    for (Arg a : args) {
      int idx = a.name() != null ? indexOf(ps, a.name().text()) : Math.min(pos++, ps.size() - 1);
      if (a.value() instanceof Expr.Lambda || idx < 0) {
        continue;
      }
      Type want = Arguments.eraseVars(ps.get(idx).type(), Types.nullable(Types.ANY));
      Diagnostics saved = cx.out;
      cx.out = new Diagnostics();
      Type got;
      try {
        got = exprs.check(a.value(), null, env);
      } finally {
        cx.out = saved;
      }
      if (!Types.isError(got) && !cx.isSub(got, want)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(List<BuiltinParam> ps, String name) {
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
