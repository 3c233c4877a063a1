package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.diag.Code;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches arguments to parameters (positional, named, defaults, varargs, trailing lambda:
 * E0305–E0308) and infers type variables by unification: plain arguments first, then the
 * expected result type for still-unbound variables, then lambdas against the instantiated
 * function type, so {@code listOf(1, 2).map { it * 2 }} is {@code List<Int>}.
 */
final class Arguments {
  private final Ctx cx;
  private final ExprChecker exprs;
  private final CallChecker calls;

  Arguments(Ctx cx, ExprChecker exprs, CallChecker calls) {
    this.cx = cx;
    this.exprs = exprs;
    this.calls = calls;
  }

  /** Checks arguments of a call that could not be resolved, without expectations. */
  void loose(List<Arg> args, Expr.Lambda trailing, Env env) {
    for (Arg a : args) {
      stray(a.value(), env);
    }
    if (trailing != null) {
      stray(trailing, env);
    }
  }

  /**
   * An argument that matches no parameter, or of a call that did not resolve: still checked, but
   * a lambda's parameters (and {@code it}) get the error type, so the body reports nothing twice.
   */
  private void stray(Expr e, Env env) {
    if (e instanceof Expr.Lambda l) {
      int n = l.arrow() ? l.params().size() : 1;
      var want = new Type.FnType(null, java.util.Collections.nCopies(n, Types.ERROR), Types.ERROR);
      cx.record(l, calls.lambda(l, want, env, Map.of()));
    } else {
      exprs.check(e, null, env);
    }
  }

  Type apply(Span span, Span nameSpan, List<Arg> args, Expr.Lambda trailing, CallTarget t, Type expected, Env env) {
    return apply(span, nameSpan, args, trailing, t, expected, env, null);
  }

  Type apply(Span span, Span nameSpan, List<Arg> args, Expr.Lambda trailing, CallTarget t, Type expected,
      Env env, Expr.Call call) {
    List<ParamSig> ps = t.params();
    @SuppressWarnings("unchecked")
    List<Expr>[] bound = new List[ps.size()];
    List<Expr> stray = new ArrayList<>();
    boolean misnamed = false;
    int pos = 0;
    for (Arg a : args) {
      if (a.spread()) {
        cx.spreads.add(a.value());
      }
      if (a.name() == null) {
        while (pos < ps.size() && bound[pos] != null && !ps.get(pos).vararg()) {
          pos++;
        }
        if (pos < ps.size()) {
          if (a.spread() && !ps.get(pos).vararg()) {
            cx.report(Code.E0203, a.span(), "`*` spreads a list only into a `vararg` parameter",
                "`" + ps.get(pos).name() + "` of `" + t.display() + "` is not one");
            stray.add(a.value());
            bound[pos++] = new ArrayList<>(); // given, though wrongly: not also "missing"
            continue;
          }
          if (bound[pos] == null) {
            bound[pos] = new ArrayList<>();
          }
          bound[pos].add(a.value());
          if (!ps.get(pos).vararg()) {
            pos++;
          }
        } else {
          cx.report(Code.E0307, a.span(), "too many arguments: `" + t.display() + "` takes " + ps.size());
          stray.add(a.value());
        }
        continue;
      }
      String name = a.name().text();
      int idx = indexOf(ps, name);
      if (idx < 0) {
        cx.report(Code.E0305, a.name().span(), "`" + t.display() + "` has no parameter named `" + name + "`",
            DidYouMean.hint(name, ps.stream().map(ParamSig::name).toList()));
        stray.add(a.value());
        misnamed = true;
      } else if (bound[idx] != null) {
        cx.report(Code.E0308, a.name().span(), "argument `" + name + "` is given twice");
        stray.add(a.value());
      } else {
        bound[idx] = new ArrayList<>(List.of(a.value()));
      }
    }
    if (trailing != null) {
      int last = ps.size() - 1;
      if (last < 0 || bound[last] != null || Types.nonNull(ps.get(last).type()) instanceof Type.FnType == false
          && !(ps.get(last).type() instanceof Type.TypeVar)) {
        cx.report(Code.E0307, trailing.span(), "too many arguments: `" + t.display() + "` takes no trailing lambda");
        stray.add(trailing);
      } else {
        bound[last] = List.of(trailing);
      }
    }
    for (int i = 0; i < ps.size(); i++) {
      ParamSig p = ps.get(i);
      // a misspelt name already explains the missing argument: one mistake, one diagnostic
      if (bound[i] == null && !p.hasDefault() && !p.vararg() && !misnamed) {
        cx.report(Code.E0306, nameSpan, "missing argument `" + p.name() + "` in call to `" + t.display() + "`");
      }
    }
    for (Expr e : stray) {
      stray(e, env);
    }
    return typeArguments(span, t, bound, expected, env, call);
  }

  private Type typeArguments(Span span, CallTarget t, List<Expr>[] bound, Type expected, Env env, Expr.Call call) {
    List<ParamSig> ps = t.params();
    Map<String, Type> subst = new HashMap<>(t.subst());
    Map<String, List<Type>> observed = new HashMap<>();
    boolean errors = false;
    for (int i = 0; i < ps.size(); i++) {
      if (bound[i] == null) {
        continue;
      }
      for (Expr e : bound[i]) {
        Type pt = paramType(ps.get(i), e);
        if (e instanceof Expr.Lambda && Types.nonNull(pt) instanceof Type.FnType) {
          continue;
        }
        Type want = Subtyping.substitute(pt, subst);
        Type at = exprs.check(e, hasVars(want) ? null : want, env);
        errors |= Types.isError(at);
        unify(pt, at, subst, observed);
      }
    }
    if (expected != null && hasVars(t.result())) {
      var weak = new HashMap<String, Type>();
      unify(t.result(), expected, weak, null);
      Type sofar = Subtyping.substitute(t.result(), subst);
      boolean fits = !hasVars(sofar) && cx.isSub(sofar, expected);
      weak.forEach((v, w) -> {
        // unbound: the expected type decides (`val xs: List<String> = listOf()`); bound but not
        // fitting, e.g. `mapOf("A" to "b", "T" to secret)` where `Map<String, String | Secret>` is
        // expected: the expected type wins when every argument fits it, as Kotlin infers
        List<Type> seen = observed.get(v);
        if (!subst.containsKey(v)) {
          subst.put(v, w);
        } else if (!fits && !t.subst().containsKey(v) && seen != null
            && seen.stream().allMatch(x -> cx.isSub(x, w))) {
          subst.put(v, w);
        }
      });
    }
    BuiltinFunction f = t.builtin();
    for (int i = 0; i < ps.size(); i++) {
      if (bound[i] == null) {
        continue;
      }
      Type pt = ps.get(i).type();
      for (Expr e : bound[i]) {
        if (e instanceof Expr.Lambda l && Types.nonNull(pt) instanceof Type.FnType) {
          var want = (Type.FnType) Types.nonNull(Subtyping.substitute(pt, subst));
          Map<String, Expr> extra = f != null && f.name().equals("matrix") && f.owner() != null
              && call != null ? CallChecker.matrixAxes(call.args()) : Map.of();
          cx.lambdaCallee = f != null ? f.name() : t.display();
          cx.lambdaInline = InlineLambdas.inline(f);
          Type got = cx.record(l, calls.lambda(l, want, env, extra));
          unify(pt, got, subst);
        }
      }
    }
    for (int i = 0; i < ps.size(); i++) {
      if (bound[i] == null) {
        continue;
      }
      for (Expr e : bound[i]) {
        Type want = Subtyping.substitute(paramType(ps.get(i), e), subst);
        if (!(e instanceof Expr.Lambda && Types.nonNull(want) instanceof Type.FnType) && !hasVars(want)) {
          exprs.mismatch(e, cx.types.type(e), want);
        }
      }
    }
    if (f != null && call != null && f.owner() != null && f.owner().endsWith("Scope") && f.name().equals("stage")
        && cx.stages != null) {
      cx.stages.stage(call, env);
    }
    bounds(span, t, subst);
    Type result = Subtyping.substitute(t.result(), subst);
    if (hasVars(result)) {
      if (!errors && result instanceof Type.ClassType c && c.name().startsWith("Mutable")) {
        cx.report(Code.E0209, span,
            "cannot infer the element type of `" + t.display() + "()`",
            "give it, e.g. `val xs: " + c.name() + "<String> = " + t.display() + "()`");
        return Types.ERROR;
      }
      result = eraseVars(result, errors ? Types.ERROR : Types.NOTHING);
    }
    return result;
  }

  /** The type an argument must have: a spread one ({@code *xs}) passes a whole list. */
  private Type paramType(ParamSig p, Expr e) {
    return p.vararg() && cx.spreads.contains(e) ? new Type.ClassType("List", List.of(p.type())) : p.type();
  }

  /** E0203 when an inferred or given type argument of a user function breaks its bound. */
  private void bounds(Span span, CallTarget t, Map<String, Type> subst) {
    if (t.fun() == null) {
      return;
    }
    t.fun().bounds.forEach((v, bound) -> {
      Type actual = subst.get(v);
      Type b = Subtyping.substitute(bound, subst);
      if (actual != null && !Types.isError(actual) && !hasVars(b) && !cx.isSub(actual, b)) {
        cx.report(Code.E0203, span, "type argument `" + Ctx.show(actual) + "` of `" + t.display()
            + "` does not satisfy the bound `" + v + " : " + Ctx.show(b) + "`");
      }
    });
  }

  private static int indexOf(List<ParamSig> ps, String name) {
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  void unify(Type param, Type arg, Map<String, Type> subst) {
    unify(param, arg, subst, null);
  }

  /**
   * Binds type variables of {@code param} from the argument type {@code arg}, joining with an
   * earlier binding; {@code observed} (optional) collects every type seen per variable.
   */
  void unify(Type param, Type arg, Map<String, Type> subst, Map<String, List<Type>> observed) {
    if (arg == null || Types.isError(arg)) {
      return;
    }
    switch (param) {
      case Type.TypeVar v -> {
        Type cur = subst.get(v.name());
        subst.put(v.name(), cur == null ? arg : cx.sub.join(cur, arg));
        if (observed != null) {
          observed.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(arg);
        }
      }
      case Type.NullableType n -> unify(n.inner(), Types.nonNull(arg), subst, observed);
      case Type.ClassType pc -> {
        if (pc.args().isEmpty() || !(Types.nonNull(arg) instanceof Type.ClassType ac)) {
          return;
        }
        Type.ClassType up = cx.sub.asSuper(ac, pc.name());
        if (up != null && up.args().size() == pc.args().size()) {
          for (int i = 0; i < pc.args().size(); i++) {
            unify(pc.args().get(i), up.args().get(i), subst, observed);
          }
        }
      }
      case Type.FnType pf -> {
        if (Types.nonNull(arg) instanceof Type.FnType af && af.params().size() == pf.params().size()) {
          for (int i = 0; i < pf.params().size(); i++) {
            if (!subst.containsKey(varName(pf.params().get(i)))) {
              unify(pf.params().get(i), af.params().get(i), subst, observed);
            }
          }
          unify(pf.result(), af.result(), subst, observed);
        }
      }
      case Type.UnionType u -> {
        for (Type m : u.members()) {
          if (hasVars(m) && cx.isSub(eraseVars(arg, Types.ANY), eraseVars(m, Types.nullable(Types.ANY)))) {
            unify(m, arg, subst, observed);
          }
        }
      }
      case Type.ErrorType e -> { }
    }
  }

  private static String varName(Type t) {
    return t instanceof Type.TypeVar v ? v.name() : "";
  }

  static boolean hasVars(Type t) {
    return switch (t) {
      case Type.TypeVar v -> true;
      case Type.ClassType c -> c.args().stream().anyMatch(Arguments::hasVars);
      case Type.NullableType n -> hasVars(n.inner());
      case Type.FnType f -> f.receiver() != null && hasVars(f.receiver())
          || f.params().stream().anyMatch(Arguments::hasVars) || hasVars(f.result());
      case Type.UnionType u -> u.members().stream().anyMatch(Arguments::hasVars);
      case Type.ErrorType e -> false;
    };
  }

  static Type eraseVars(Type t, Type with) {
    return switch (t) {
      case Type.TypeVar v -> with;
      case Type.ClassType c -> c.args().isEmpty() ? c
          : new Type.ClassType(c.name(), c.args().stream().map(x -> eraseVars(x, with)).toList());
      case Type.NullableType n -> Types.nullable(eraseVars(n.inner(), with));
      case Type.FnType f -> new Type.FnType(f.receiver() == null ? null : eraseVars(f.receiver(), with),
          f.params().stream().map(x -> eraseVars(x, with)).toList(), eraseVars(f.result(), with));
      case Type.UnionType u -> new Type.UnionType(u.members().stream().map(x -> eraseVars(x, with)).toList());
      case Type.ErrorType e -> e;
    };
  }
}
