package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.value.Deferred;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member access on values: data class properties and {@code copy}/{@code componentN}, and
 * builtin methods and properties found in the registry by the value's run-time type, walking its
 * supertypes up to {@code Any}. Also indexing ({@code xs[i]}, {@code m[k]}).
 */
final class Members {
  private final Evaluator ev;

  Members(Evaluator ev) {
    this.ev = ev;
  }

  Optional<BuiltinFunction> findMethod(Object target, String name) {
    if (target == null) {
      return ev.interp.registry().method("Any", name);
    }
    for (String t : ev.interp.types().chain(ev.interp.types().nameOf(target))) {
      Optional<BuiltinFunction> m = ev.interp.registry().method(t, name);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #findMethod}, then the methods declared on a type variable ({@code T.let},
   * {@code T.also}, ...), which apply to every receiver written explicitly ({@code x.let { }}).
   * Not for implicit receivers: inside a stage, {@code run(image = ..)} stays the Docker builtin.
   */
  Optional<BuiltinFunction> findMethodOrScopeFunction(Object target, String name) {
    Optional<BuiltinFunction> m = findMethod(target, name);
    return m.isPresent() ? m : ev.interp.registry().method("T", name);
  }

  Optional<BuiltinProperty> findProperty(Object target, String name) {
    if (target == null) {
      return ev.interp.registry().property("Any", name);
    }
    for (String t : ev.interp.types().chain(ev.interp.types().nameOf(target))) {
      Optional<BuiltinProperty> p = ev.interp.registry().property(t, name);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  Object read(BuiltinProperty p, Object target, Span span) {
    return ev.interp.readProperty(ev, p, target, span);
  }

  Object property(Object target, String name, Env env, Span span) {
    if (target instanceof DataObject d && d.has(name)) {
      return d.ready(ev).get(name);
    }
    if (target instanceof EnumValue e && e.has(name)) {
      return e.get(name);
    }
    if (target instanceof EnumClassDef def) {
      return def.property(ev, name);
    }
    UserFunction getter = Extensions.getter(ev, env, target, name);
    if (getter != null) {
      return getter.call(ev, target, List.of(), Map.of(), span);
    }
    Optional<BuiltinProperty> p = findProperty(target, name);
    if (p.isPresent()) {
      return read(p.get(), target, span);
    }
    if (target instanceof Deferred d) {
      return d.derive("Any", null); // only while planning: a member of a run-time value
    }
    throw SlipException.error("unknown property `" + name + "` on " + typeName(target));
  }

  Object callMethod(Object target, String name, List<Arg> args, Expr.Lambda trailing, Env env,
      Span span) {
    if (target instanceof EnumClassDef def) {
      List<Object> values = new ArrayList<>();
      args.forEach(a -> values.add(ev.eval(a.value(), env)));
      return def.call(ev, name, values);
    }
    if (target instanceof DataObject d) {
      if (name.equals("copy")) {
        Map<String, Object> changes = new LinkedHashMap<>();
        List<Object> positional = new ArrayList<>();
        for (Arg a : args) {
          Object v = ev.eval(a.value(), env);
          if (a.name() == null) {
            positional.add(v);
          } else if (!d.has(a.name().text())) {
            throw SlipException.error("unknown property `" + a.name().text() + "` in copy");
          } else {
            changes.put(a.name().text(), v);
          }
        }
        for (int i = 0; i < positional.size(); i++) {
          changes.put(d.type().properties().get(i).name().text(), positional.get(i));
        }
        if (!d.type().state().isEmpty()) {
          // as Kotlin's copy calls the constructor: body `var`s start again from their initializers
          Map<String, Object> all = new LinkedHashMap<>(d.properties());
          all.putAll(changes);
          return d.type().call(ev, null, List.of(), all, span);
        }
        return d.copy(changes);
      }
      if (name.startsWith("component") && args.isEmpty()) {
        try {
          int i = Integer.parseInt(name.substring("component".length()));
          if (i >= 1 && i <= d.size()) {
            return d.component(i - 1);
          }
        } catch (NumberFormatException e) {
          // not a component accessor
        }
      }
      if (d.has(name) && d.ready(ev).get(name) instanceof Callable) {
        return ev.calls().callUser(d.get(name), name, null, args, trailing, env, span);
      }
    }
    Optional<BuiltinFunction> m = findMethodOrScopeFunction(target, name);
    if (m.isPresent()) {
      return ev.calls().invoke(m.get(), target, args, trailing, env, span);
    }
    UserFunction ext = Extensions.find(ev, env, target, name);
    if (ext != null) {
      return ev.calls().callUser(ext, name, target, args, trailing, env, span);
    }
    if (target instanceof Deferred d) {
      // only while planning, on a value of a type not known now: its arguments still run
      args.forEach(a -> ev.eval(a.value(), env));
      return d.derive("Any", null);
    }
    throw SlipException.error("unknown method `" + name + "` on " + typeName(target));
  }

  Object index(Object target, Object index) {
    Deferred deferred = Deferred.first(target, index);
    if (deferred != null) {
      return deferred.derive("Any", null);
    }
    if (target instanceof List<?> l && index instanceof Long i) {
      if (i < 0 || i >= l.size()) {
        throw SlipException.error("index " + i + " out of bounds for length " + l.size());
      }
      return l.get(i.intValue());
    }
    if (target instanceof Map<?, ?> m) {
      return m.get(index);
    }
    if (target instanceof String s && index instanceof Long i) {
      if (i < 0 || i >= s.length()) {
        throw SlipException.error("index " + i + " out of bounds for length " + s.length());
      }
      return s.charAt(i.intValue());
    }
    Optional<BuiltinFunction> get = findMethod(target, "get");
    if (get.isPresent()) {
      return ev.interp.invokeBuiltin(ev, get.get(), target, new Object[] {index}, null, null);
    }
    throw SlipException.error("cannot index " + typeName(target));
  }

  @SuppressWarnings("unchecked")
  void setIndex(Object target, Object index, Object value) {
    if (target instanceof Deferred) {
      return; // a run-time object (only while planning): nothing to change now
    }
    if (target instanceof ArrayList<?> l && index instanceof Long i) {
      if (i < 0 || i >= l.size()) {
        throw SlipException.error("index " + i + " out of bounds for length " + l.size());
      }
      ((List<Object>) l).set(i.intValue(), value);
      return;
    }
    if (target instanceof java.util.HashMap<?, ?> m) {
      ((Map<Object, Object>) m).put(index, value);
      return;
    }
    Optional<BuiltinFunction> set = findMethod(target, "set");
    if (set.isPresent()) {
      ev.interp.invokeBuiltin(ev, set.get(), target, new Object[] {index, value}, null, null);
      return;
    }
    throw SlipException.error("cannot assign by index to " + typeName(target));
  }

  private String typeName(Object v) {
    return v == null ? "null" : ev.interp.types().nameOf(v);
  }
}
