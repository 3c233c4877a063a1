package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TypeParam;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extension functions and callable references at run time. The extensions named {@code n}
 * declared in one block live in one variable {@code .n} (a name no user code can write); a call
 * {@code x.n()} that finds no member picks the first whose receiver type {@code x} has, as the
 * checker did statically.
 */
final class Extensions {
  private Extensions() {}

  /** The variable holding the extension functions named {@code name}. */
  static String key(String name) {
    return "." + name;
  }

  /** The variable holding the extension property getters named {@code name}. */
  static String getterKey(String name) {
    return ":" + name;
  }

  private static String key(Stmt.FunDecl d) {
    return d.getter() ? getterKey(d.name().text()) : key(d.name().text());
  }

  /** The extension functions of one name declared in one scope, in declaration order. */
  record Set(List<UserFunction> functions) {}

  /** Adds an extension function to its scope's set (idempotent: a file may be hoisted twice). */
  static void declare(Env scope, UserFunction f) {
    String key = key(f.decl());
    Env.Slot slot = scope.lookup(key);
    List<UserFunction> list = new ArrayList<>();
    if (slot != null && slot.get() instanceof Set s) {
      list.addAll(s.functions());
    }
    if (list.stream().noneMatch(u -> u.decl() == f.decl())) {
      list.add(f);
    }
    scope.define(key, new Set(List.copyOf(list)), false);
  }

  /** The extension named {@code name} that applies to {@code target}, or null. */
  static UserFunction find(Evaluator ev, Env env, Object target, String name) {
    return findKey(ev, env, target, key(name));
  }

  /** The getter of extension property {@code name} that applies to {@code target}, or null. */
  static UserFunction getter(Evaluator ev, Env env, Object target, String name) {
    return findKey(ev, env, target, getterKey(name));
  }

  private static UserFunction findKey(Evaluator ev, Env env, Object target, String key) {
    if (env == null) {
      return null;
    }
    Env.Slot slot = env.lookup(key);
    if (slot == null || !(slot.get() instanceof Set s)) {
      return null;
    }
    for (UserFunction f : s.functions()) {
      if (applies(ev, f.decl(), target)) {
        return f;
      }
    }
    return null;
  }

  private static boolean applies(Evaluator ev, Stmt.FunDecl d, Object target) {
    TypeRef r = d.receiver();
    if (r instanceof TypeRef.Named n) {
      for (TypeParam tp : d.typeParams()) {
        if (tp.name().text().equals(n.name().text())) {
          return target != null || n.nullable();
        }
      }
    }
    return ev.interp.types().isInstance(target, r);
  }

  /**
   * A callable reference's value: {@code ::name}, {@code Type::member}, or a reference bound to
   * a value ({@code x::member} where {@code x} is a variable or {@code this}, as the checker
   * decides: a name bound to anything but a class; {@code "abc"::startsWith}).
   */
  static Object reference(Evaluator ev, Env env, Expr.CallableRef r) {
    String name = r.name().text();
    if (r.bound() != null) {
      return new BoundRef(ev.eval(r.bound(), env), new MemberRef(name, env));
    }
    if (r.receiver() == null) {
      return reference(ev, env, name);
    }
    Env.Slot slot = r.receiver().text().equals("this") ? Calls.thisSlot(env) : null;
    if (slot == null) {
      slot = env.lookup(r.receiver().text());
    }
    if (slot != null && !(slot.get() instanceof DataClassDef) && !(slot.get() instanceof EnumClassDef)) {
      return new BoundRef(slot.get(), new MemberRef(name, env));
    }
    return new MemberRef(name, env);
  }

  /** {@code ::name}: a user function value, or a builtin function as a value. */
  static Object reference(Evaluator ev, Env env, String name) {
    Env.Slot slot = env.lookup(name);
    if (slot != null && slot.get() instanceof Callable c) {
      return c;
    }
    Optional<BuiltinFunction> f = ev.interp.registry().function(name);
    if (f.isPresent()) {
      return new BuiltinRef(f.get(), null);
    }
    throw SlipException.error("unknown function `" + name + "`");
  }

  /** A builtin function (or method, when {@code member} is set) used as a value. */
  record BuiltinRef(BuiltinFunction function, String member) implements Callable {
    @Override
    public String describe() {
      return "`" + function.qualifiedName() + "`";
    }

    @Override
    public Object call(Evaluator ev, Object receiver, List<Object> positional,
        Map<String, Object> named, Span callSite) {
      return ev.interp.invokeBuiltin(ev, function, receiver, values(function, positional), null,
          callSite);
    }
  }

  /** {@code x::member}: {@code ref} with its receiver fixed. */
  record BoundRef(Object target, MemberRef ref) implements Callable {
    @Override
    public String describe() {
      return ref.describe();
    }

    @Override
    public Object call(Evaluator ev, Object receiver, List<Object> positional,
        Map<String, Object> named, Span callSite) {
      List<Object> all = new ArrayList<>(positional.size() + 1);
      all.add(target);
      all.addAll(positional);
      return ref.call(ev, null, all, named, callSite);
    }
  }

  /** {@code Type::member}: the receiver is the first argument. */
  record MemberRef(String name, Env env) implements Callable {
    @Override
    public String describe() {
      return "`::" + name + "`";
    }

    @Override
    public Object call(Evaluator ev, Object receiver, List<Object> positional,
        Map<String, Object> named, Span callSite) {
      if (positional.isEmpty()) {
        throw SlipException.error("`::" + name + "` needs a receiver argument");
      }
      Object target = positional.get(0);
      List<Object> rest = positional.subList(1, positional.size());
      if (target instanceof DataObject d && d.has(name) && rest.isEmpty()) {
        return d.ready(ev).get(name);
      }
      if (rest.isEmpty()) {
        Optional<BuiltinProperty> p = ev.members().findProperty(target, name);
        if (p.isPresent()) {
          return ev.members().read(p.get(), target, callSite);
        }
      }
      Optional<BuiltinFunction> m = ev.members().findMethod(target, name);
      if (m.isPresent()) {
        return ev.interp.invokeBuiltin(ev, m.get(), target, values(m.get(), rest), null,
            callSite);
      }
      UserFunction ext = find(ev, env, target, name);
      if (ext != null) {
        return ext.call(ev, target, rest, Map.of(), callSite);
      }
      throw SlipException.error("unknown member `" + name + "`");
    }
  }

  /** Positional values bound to a builtin's parameters: varargs collected, defaults filled. */
  static Object[] values(BuiltinFunction f, List<Object> positional) {
    List<BuiltinParam> ps = f.params();
    Object[] out = new Object[ps.size()];
    int next = 0;
    for (int i = 0; i < ps.size(); i++) {
      BuiltinParam p = ps.get(i);
      if (p.vararg()) {
        out[i] = java.util.Collections.unmodifiableList(new ArrayList<>(
            positional.subList(Math.min(next, positional.size()), positional.size())));
        next = positional.size();
      } else if (next < positional.size()) {
        out[i] = positional.get(next++);
      } else if (p.required()) {
        throw SlipException.error("missing argument `" + p.name() + "` for `"
            + f.qualifiedName() + "`");
      } else {
        out[i] = p.defaultValue();
      }
    }
    return out;
  }
}
