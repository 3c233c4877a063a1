package io.slipway.builtin;

import io.slipway.types.ClassTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every builtin type, function, method and property, indexed for the checker and the
 * interpreter and listed in declaration order for the docs. Built once by the standard library
 * and immutable afterwards. A function name may be declared more than once with different
 * parameters (overloads, as Kotlin's {@code run { }} beside the Docker {@code run(image = ..)});
 * the checker picks one by the call's arguments. Declaring the same parameters twice is rejected.
 */
public final class BuiltinRegistry implements ClassTable {
  private final Map<String, BuiltinType> types = new LinkedHashMap<>();
  private final Map<String, BuiltinFunction> functions = new LinkedHashMap<>();
  private final Map<String, BuiltinProperty> properties = new LinkedHashMap<>();
  /** Every function in declaration order, overloads included (the docs list each). */
  private final List<BuiltinFunction> allFunctions = new ArrayList<>();
  /** The declarations of names declared more than once, in declaration order. */
  private final Map<String, List<BuiltinFunction>> overloads = new java.util.HashMap<>();
  /** Every declaration that has overloads, by identity (a cheap test per checked call). */
  private final java.util.Set<BuiltinFunction> overloaded =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private boolean frozen;

  public BuiltinRegistry addType(BuiltinType t) {
    put(types, t.name(), t);
    return this;
  }

  public BuiltinRegistry addFunction(BuiltinFunction f) {
    BuiltinFunction first = functions.get(f.qualifiedName());
    if (first == null || frozen) {
      put(functions, f.qualifiedName(), f);
    } else {
      List<BuiltinFunction> all = overloads.computeIfAbsent(f.qualifiedName(),
          k -> new ArrayList<>(List.of(first)));
      for (BuiltinFunction g : all) {
        if (paramTypes(g).equals(paramTypes(f))) {
          throw new IllegalStateException("builtin declared twice: " + f.qualifiedName());
        }
      }
      all.add(f);
      overloaded.addAll(all);
    }
    allFunctions.add(f);
    return this;
  }

  private static List<Object> paramTypes(BuiltinFunction f) {
    return f.params().stream().map(p -> (Object) p.type()).toList();
  }

  public BuiltinRegistry addProperty(BuiltinProperty p) {
    put(properties, p.qualifiedName(), p);
    return this;
  }

  private <T> void put(Map<String, T> map, String key, T value) {
    if (frozen) {
      throw new IllegalStateException("registry is frozen");
    }
    if (map.putIfAbsent(key, value) != null) {
      throw new IllegalStateException("builtin declared twice: " + key);
    }
  }

  /** Makes the registry read-only; call once every declaration is in. */
  public BuiltinRegistry freeze() {
    frozen = true;
    return this;
  }

  public Optional<BuiltinType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** Subtyping's view of {@link #type(String)}. */
  @Override
  public Optional<BuiltinType> classInfo(String name) {
    return type(name);
  }

  /** A global function by name (its first declaration when it is overloaded). */
  public Optional<BuiltinFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /**
   * Every declaration of the global function or method {@code qualifiedName}
   * ({@code "run"}, {@code "Stack.run"}) in declaration order: one element unless overloaded,
   * none when undeclared.
   */
  public List<BuiltinFunction> overloads(String qualifiedName) {
    List<BuiltinFunction> all = overloads.get(qualifiedName);
    if (all != null) {
      return java.util.Collections.unmodifiableList(all);
    }
    BuiltinFunction f = functions.get(qualifiedName);
    return f == null ? List.of() : List.of(f);
  }

  /** Whether {@code qualifiedName} has more than one declaration. */
  public boolean isOverloaded(String qualifiedName) {
    return overloads.containsKey(qualifiedName);
  }

  /** Whether {@code f} is one of several declarations of its name. */
  public boolean isOverloaded(BuiltinFunction f) {
    return !overloaded.isEmpty() && overloaded.contains(f);
  }

  /** A method declared directly on {@code owner} (supertypes are the checker's business). */
  public Optional<BuiltinFunction> method(String owner, String name) {
    return Optional.ofNullable(functions.get(owner + "." + name));
  }

  /** A global value ({@code build}) when owner is null, else a property of {@code owner}. */
  public Optional<BuiltinProperty> property(String owner, String name) {
    return Optional.ofNullable(properties.get(owner == null ? name : owner + "." + name));
  }

  public Collection<BuiltinType> types() {
    return types.values();
  }

  /** Every function and method, overloads included, in declaration order. */
  public Collection<BuiltinFunction> functions() {
    return java.util.Collections.unmodifiableList(allFunctions);
  }

  public Collection<BuiltinProperty> properties() {
    return properties.values();
  }

  /** Names of every member (method or property) declared on {@code owner}, for did-you-mean. */
  public List<String> memberNames(String owner) {
    var out = new ArrayList<String>();
    String prefix = owner + ".";
    functions.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> out.add(k.substring(prefix.length())));
    properties.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> out.add(k.substring(prefix.length())));
    return out;
  }

  /** Names of every global function and value, for did-you-mean. */
  public List<String> globalNames() {
    var out = new ArrayList<String>();
    functions.values().stream().filter(f -> f.owner() == null).forEach(f -> out.add(f.name()));
    properties.values().stream().filter(p -> p.owner() == null).forEach(p -> out.add(p.name()));
    return out;
  }
}
