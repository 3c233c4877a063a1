package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.types.Type;
import java.util.List;
import java.util.Map;

/**
 * What a call resolved to: a builtin (global or method), a user function, a data class
 * constructor or {@code copy}, or a function value. {@code subst} holds type variables already
 * bound (a method's owner variables, from its receiver).
 */
record CallTarget(String display, List<ParamSig> params, Type result, Map<String, Type> subst,
    BuiltinFunction builtin, FunInfo fun) {

  CallTarget(String display, List<ParamSig> params, Type result, Map<String, Type> subst,
      BuiltinFunction builtin) {
    this(display, params, result, subst, builtin, null);
  }

  /** This target with more type variables bound (explicit type arguments, a receiver's). */
  CallTarget withSubst(Map<String, Type> more) {
    if (more.isEmpty()) {
      return this;
    }
    var all = new java.util.HashMap<>(subst);
    all.putAll(more);
    return new CallTarget(display, params, result, all, builtin, fun);
  }

  static CallTarget of(BuiltinFunction f, Map<String, Type> subst) {
    List<ParamSig> ps = f.params().stream()
        .map((BuiltinParam p) -> new ParamSig(p.name(), p.type(), !p.required() && !p.vararg(), p.vararg()))
        .toList();
    return new CallTarget(f.qualifiedName(), ps, f.result(), subst, f);
  }

  static CallTarget of(FunInfo f) {
    return new CallTarget(f.name, f.params, f.result, Map.of(), null, f);
  }

  static CallTarget constructor(DataClassInfo dc, boolean copy) {
    List<ParamSig> ps = dc.fields().stream()
        .map(f -> new ParamSig(f.name(), f.type(), copy || f.hasDefault(), false)).toList();
    return new CallTarget(copy ? dc.name() + ".copy" : dc.name(), ps, dc.type(), Map.of(), null);
  }

  static CallTarget value(String display, Type.FnType fn) {
    var ps = new java.util.ArrayList<ParamSig>();
    for (int i = 0; i < fn.params().size(); i++) {
      ps.add(new ParamSig("p" + (i + 1), fn.params().get(i), false, false));
    }
    return new CallTarget(display, ps, fn.result(), Map.of(), null);
  }
}
