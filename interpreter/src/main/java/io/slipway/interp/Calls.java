package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.value.Deferred;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name resolution and calls. An unqualified name resolves, as in Kotlin, to a variable (local,
 * then enclosing, then top level), then a member of an implicit receiver (innermost DSL block
 * first), then a global builtin.
 */
final class Calls {
  private final Evaluator ev;

  Calls(Evaluator ev) {
    this.ev = ev;
  }

  Object name(Expr.Name n, Env env) {
    if (n.id().equals("this")) {
      Env.Slot self = thisSlot(env);
      if (self != null) {
        return self.get();
      }
    }
    Env.Slot slot = env.lookup(n.id());
    if (slot != null) {
      return slot.get();
    }
    for (Env e = env; e != null; e = e.parent()) {
      if (e.hasReceiver()) {
        if (e.receiver() instanceof DataObject d && d.has(n.id())) {
          return d.ready(ev).get(n.id());
        }
        if (e.receiver() instanceof EnumValue v && v.has(n.id())) {
          return v.get(n.id());
        }
        if (e.receiver() instanceof EnumValue v && env.lookup(v.typeName()) instanceof Env.Slot cls
            && cls.get() instanceof EnumClassDef def && def.hasEntry(n.id())) {
          return def.property(ev, n.id()); // `RED` in a member of its enum class
        }
        UserFunction getter = Extensions.getter(ev, env, e.receiver(), n.id());
        if (getter != null) {
          return getter.call(ev, e.receiver(), List.of(), Map.of(), n.span());
        }
        Optional<BuiltinProperty> p = ev.members().findProperty(e.receiver(), n.id());
        if (p.isPresent()) {
          return ev.members().read(p.get(), e.receiver(), n.span());
        }
      }
    }
    Optional<BuiltinProperty> global = ev.interp.registry().property(null, n.id());
    if (global.isPresent()) {
      return ev.members().read(global.get(), null, n.span());
    }
    throw SlipException.error("unknown name `" + n.id() + "`");
  }

  Object call(Expr.Call c, Env env) {
    switch (c.callee()) {
      case Expr.Name n -> {
        Env.Slot slot = env.lookup(n.id());
        // as in Kotlin, a variable that holds no function does not hide a function of that
        // name: `param registry` and `registry(...)` coexist (the checker resolves it the same way)
        if (slot != null && (slot.get() instanceof Callable || !hasFunction(n.id(), env))) {
          return callUser(slot.get(), n.id(), null, c.args(), c.trailing(), env, c.span());
        }
        for (Env e = env; e != null; e = e.parent()) {
          if (e.hasReceiver()) {
            Optional<BuiltinFunction> m = ev.members().findMethod(e.receiver(), n.id());
            if (m.isPresent()) {
              return invoke(m.get(), e.receiver(), c.args(), c.trailing(), env, c.span());
            }
            UserFunction ext = Extensions.find(ev, env, e.receiver(), n.id());
            if (ext != null) {
              return callUser(ext, n.id(), e.receiver(), c.args(), c.trailing(), env, c.span());
            }
          }
        }
        // an overloaded builtin (`run { }` beside `run(image = ..)`): the checker's choice
        if (c.resolution().target() instanceof BuiltinFunction chosen) {
          return invoke(chosen, null, c.args(), c.trailing(), env, c.span());
        }
        Optional<BuiltinFunction> f = ev.interp.registry().function(n.id());
        if (f.isPresent()) {
          return invoke(f.get(), null, c.args(), c.trailing(), env, c.span());
        }
        throw SlipException.error("unknown function `" + n.id() + "`");
      }
      case Expr.Member m -> {
        Object target = ev.eval(m.target(), env);
        if (target == null && m.safe()) {
          return null;
        }
        // the checker's choice among overloads, or a builtin for a nullable receiver
        // (`s.orEmpty()`): a null receiver has no run-time type to find it by
        if (c.resolution().target() instanceof BuiltinFunction chosen) {
          return invoke(chosen, target, c.args(), c.trailing(), env, c.span());
        }
        return ev.members().callMethod(target, m.name().text(), c.args(), c.trailing(), env,
            c.span());
      }
      default -> {
        Object fn = ev.eval(c.callee(), env);
        return callUser(fn, "expression", null, c.args(), c.trailing(), env, c.span());
      }
    }
  }

  /**
   * {@code this}: the innermost receiver, a lambda's ({@code apply { this }}) or the
   * function's, as the checker types it; null outside any.
   */
  static Env.Slot thisSlot(Env env) {
    for (Env e = env; e != null; e = e.parent()) {
      if (e.hasReceiver()) {
        return new Env.Slot(e.receiver(), false);
      }
    }
    return null;
  }

  private boolean hasFunction(String name, Env env) {
    for (Env e = env; e != null; e = e.parent()) {
      if (e.hasReceiver() && ev.members().findMethod(e.receiver(), name).isPresent()) {
        return true;
      }
    }
    return ev.interp.registry().function(name).isPresent();
  }

  /** Calls a Slipway function value with source arguments. */
  Object callUser(Object fn, String what, Object receiver, List<Arg> args, Expr.Lambda trailing,
      Env env, Span span) {
    if (fn instanceof Deferred d) {
      // only while planning: a function computed at run time
      args.forEach(a -> ev.eval(a.value(), env));
      return d.derive("Any", null);
    }
    if (!(fn instanceof Callable callable)) {
      throw SlipException.error("`" + what + "` is not a function");
    }
    List<Object> positional = new ArrayList<>();
    Map<String, Object> named = new LinkedHashMap<>();
    for (Arg a : args) {
      Object v = ev.eval(a.value(), env);
      if (a.spread() && v instanceof java.util.Collection<?> all) {
        positional.addAll(all);
      } else if (a.name() == null) {
        positional.add(v);
      } else {
        named.put(a.name().text(), v);
      }
    }
    if (trailing != null) {
      // as in Kotlin, a trailing lambda is the last parameter, whatever came before it
      Closure block = new Closure(trailing, env, ev.file(), what);
      List<io.slipway.syntax.ast.Param> params = switch (callable) {
        case UserFunction f -> f.decl().params();
        case DataClassDef d -> d.properties();
        default -> List.of();
      };
      boolean vararg = params.stream().anyMatch(io.slipway.syntax.ast.Param::vararg)
          && !params.get(params.size() - 1).vararg();
      if (params.isEmpty() || positional.size() >= params.size() && !vararg) {
        positional.add(block);
      } else {
        named.put(params.get(params.size() - 1).name().text(), block);
      }
    }
    return callable.call(ev, receiver, positional, named, span);
  }

  /** Evaluates source arguments, binds them to a builtin's parameters and calls it. */
  Object invoke(BuiltinFunction f, Object receiver, List<Arg> args, Expr.Lambda trailing,
      Env env, Span span) {
    Object[] values = bind(f, args, trailing, env);
    return ev.interp.invokeBuiltin(ev, f, receiver, values, env, span);
  }

  private Object[] bind(BuiltinFunction f, List<Arg> args, Expr.Lambda trailing, Env env) {
    List<BuiltinParam> params = f.params();
    Object[] out = new Object[params.size()];
    boolean[] set = new boolean[params.size()];
    int vararg = -1;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).vararg()) {
        vararg = i;
      }
    }
    List<Object> varargs = new ArrayList<>();
    int next = 0;
    for (Arg a : args) {
      Object v = a.value() instanceof Expr.Lambda l ? new Closure(l, env, ev.file(), f.name())
          : ev.eval(a.value(), env);
      if (a.spread() && vararg >= 0 && v instanceof java.util.Collection<?> all) {
        varargs.addAll(all);
        next = Math.max(next, vararg);
        continue;
      }
      if (a.name() != null) {
        int idx = indexOf(params, a.name().text());
        if (idx < 0) {
          throw SlipException.error("unknown named argument `" + a.name().text() + "` for `"
              + f.qualifiedName() + "`");
        }
        if (idx == vararg) {
          varargs.add(v);
        } else {
          out[idx] = v;
          set[idx] = true;
        }
      } else if (vararg >= 0 && next >= vararg) {
        varargs.add(v);
      } else {
        while (next < params.size() && set[next]) {
          next++;
        }
        if (next >= params.size() || (vararg >= 0 && next > vararg)) {
          throw SlipException.error("too many arguments for `" + f.qualifiedName() + "`");
        }
        if (next == vararg) {
          varargs.add(v);
        } else {
          out[next] = v;
          set[next] = true;
          next++;
        }
      }
    }
    if (trailing != null) {
      int last = params.size() - 1;
      if (last < 0 || set[last]) {
        throw SlipException.error("`" + f.qualifiedName() + "` does not take a trailing lambda");
      }
      if (last == vararg) {
        // the checker binds a trailing lambda to a last vararg parameter (compareBy { .. }): one more element
        varargs.add(new Closure(trailing, env, ev.file(), f.name()));
      } else {
        out[last] = new Closure(trailing, env, ev.file(), f.name());
        set[last] = true;
      }
    }
    for (int i = 0; i < params.size(); i++) {
      BuiltinParam p = params.get(i);
      if (i == vararg) {
        out[i] = Collections.unmodifiableList(varargs);
      } else if (!set[i]) {
        if (p.required()) {
          throw SlipException.error("missing argument `" + p.name() + "` for `"
              + f.qualifiedName() + "`");
        }
        out[i] = p.defaultValue();
      }
    }
    return out;
  }

  private static int indexOf(List<BuiltinParam> params, String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
