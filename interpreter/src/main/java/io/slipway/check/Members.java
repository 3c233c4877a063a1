package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member lookup on a (non-null) receiver type: data class properties, the synthesized
 * {@code Params} record, and builtin properties and methods found along the declared supertypes
 * and finally {@code Any}. Owner type variables ({@code T} of {@code List<T>}) are instantiated
 * from the receiver.
 */
final class Members {
  static final String PARAMS = "Params";
  /** The owner of builtins declared on a bare type variable, such as {@code T.let}. */
  static final String ANY_RECEIVER = "T";

  private final Ctx cx;
  /** Lookups along the supertypes are repeated for every call; the registry never changes. */
  private final Map<String, Map<String, Optional<BuiltinFunction>>> methods = new HashMap<>();
  private final Map<String, Map<String, Optional<BuiltinProperty>>> properties = new HashMap<>();
  /** The builtins declared on a bare type variable, by name (built on first use). */
  private Map<String, BuiltinFunction> scopeFunctions;

  Members(Ctx cx) {
    this.cx = cx;
  }

  /** The type name member lookup starts from. */
  static String ownerName(Type t) {
    return switch (Types.nonNull(t)) {
      case Type.ClassType c -> c.name();
      case Type.FnType f -> "Function";
      default -> "Any";
    };
  }

  /** A property's type on {@code recv}, or null when there is none. */
  Type property(Type recv, String name) {
    String owner = ownerName(recv);
    Type bound = rigidBound(recv);
    if (bound != null) {
      return property(bound, name);
    }
    DataClassInfo dc = cx.dataClasses.get(owner);
    if (dc != null) {
      var f = dc.field(name);
      if (f.isPresent()) {
        return f.get().type();
      }
      if (dc.isEnum() && (name.equals("name") || name.equals("ordinal"))) {
        return name.equals("name") ? Types.STRING : Types.INT;
      }
    }
    Type getter = cx.calls == null ? null : cx.calls.getter(recv, name);
    if (getter != null) {
      return getter;
    }
    if (owner.equals(PARAMS)) {
      ParamInfo p = cx.params.get(name);
      if (p != null) {
        return p.type();
      }
    }
    var prop = properties.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(name, n -> {
      for (String o : cx.sub.lineage(owner)) {
        var p = cx.registry.property(o, n);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    });
    if (prop.isPresent()) {
      BuiltinProperty bp = prop.get();
      return Subtyping.substitute(bp.type(), ownerSubst(bp.receiverType(), recv));
    }
    return null;
  }

  /** The builtin method {@code name} on {@code recv}, or null. */
  BuiltinFunction method(Type recv, String name) {
    String owner = ownerName(recv);
    Type bound = rigidBound(recv);
    if (bound != null) {
      return method(bound, name);
    }
    return methods.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(name, n -> {
      for (String o : cx.sub.lineage(owner)) {
        var fn = cx.registry.method(o, n);
        if (fn.isPresent()) {
          return fn;
        }
      }
      return Optional.empty();
    }).orElse(null);
  }

  /**
   * As {@link #method}, then the builtins declared on a type variable ({@code T.let},
   * {@code T.also}, ...), which apply to any receiver written explicitly ({@code x.let { }}).
   * Not for implicit receivers: inside a stage, {@code run(image = ..)} stays the Docker builtin.
   */
  BuiltinFunction methodOrScopeFunction(Type recv, String name) {
    BuiltinFunction f = method(recv, name);
    return f != null ? f : scopeFunction(name);
  }

  /** The builtin {@code name} declared on a bare type variable ({@code T.let}), or null. */
  BuiltinFunction scopeFunction(String name) {
    if (scopeFunctions == null) {
      scopeFunctions = new HashMap<>();
      for (BuiltinFunction f : cx.registry.functions()) {
        if (ANY_RECEIVER.equals(f.owner())) {
          scopeFunctions.putIfAbsent(f.name(), f);
        }
      }
    }
    return scopeFunctions.get(name);
  }

  /** Inside a generic function, the bound of a type parameter {@code recv} (members come from it). */
  Type rigidBound(Type recv) {
    return !cx.rigidBounds.isEmpty() && Types.nonNull(recv) instanceof Type.ClassType c && c.args().isEmpty()
        ? cx.rigidBounds.get(c.name()) : null;
  }

  /** Binds the owner's type variables by matching its declared receiver with the actual one. */
  Map<String, Type> ownerSubst(Type declared, Type actual) {
    var subst = new HashMap<String, Type>();
    if (declared instanceof Type.NullableType n) {
      declared = n.inner(); // String?.orEmpty on a String (or String?) receiver
    }
    if (declared instanceof Type.TypeVar v) {
      subst.put(v.name(), actual); // T.let: T is the receiver's own type
      return subst;
    }
    bind(declared, actual, subst);
    return subst;
  }

  /** Matches a declared receiver against the actual one, nested arguments too (List<List<T>>). */
  private void bind(Type declared, Type actual, Map<String, Type> subst) {
    if (declared instanceof Type.ClassType d && !d.args().isEmpty()
        && Types.nonNull(actual) instanceof Type.ClassType a) {
      Type.ClassType up = cx.sub.asSuper(a, d.name());
      if (up != null && up.args().size() == d.args().size()) {
        for (int i = 0; i < d.args().size(); i++) {
          Type declaredArg = d.args().get(i);
          if (declaredArg instanceof Type.TypeVar v) {
            subst.put(v.name(), up.args().get(i));
          } else if (declaredArg instanceof Type.NullableType n && n.inner() instanceof Type.TypeVar v) {
            subst.put(v.name(), Types.nonNull(up.args().get(i)));
          } else {
            bind(declaredArg, up.args().get(i), subst);
          }
        }
      }
    }
  }

  /** Every member name visible on {@code recv}, for did-you-mean. */
  List<String> names(Type recv) {
    var out = new LinkedHashSet<String>();
    Type bound = rigidBound(recv);
    if (bound != null) {
      return names(bound);
    }
    String owner = ownerName(recv);
    DataClassInfo dc = cx.dataClasses.get(owner);
    if (dc != null) {
      dc.fields().forEach(f -> out.add(f.name()));
      if (!dc.isEnum() && !dc.isObject()) {
        out.add("copy");
      }
    }
    if (owner.equals(PARAMS)) {
      out.addAll(cx.params.keySet());
    }
    for (String o : cx.sub.lineage(owner)) {
      out.addAll(cx.registry.memberNames(o));
    }
    return new ArrayList<>(out);
  }
}
