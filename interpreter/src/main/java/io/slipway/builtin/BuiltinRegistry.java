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
 * and immutable afterwards. Duplicate declarations are rejected when registering.
 */
public final class BuiltinRegistry implements ClassTable {
  private final Map<String, BuiltinType> types = new LinkedHashMap<>();
  private final Map<String, BuiltinFunction> functions = new LinkedHashMap<>();
  private final Map<String, BuiltinProperty> properties = new LinkedHashMap<>();
  private boolean frozen;

  public BuiltinRegistry addType(BuiltinType t) {
    put(types, t.name(), t);
    return this;
  }

  public BuiltinRegistry addFunction(BuiltinFunction f) {
    put(functions, f.qualifiedName(), f);
    return this;
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

  /** A global function by name. */
  public Optional<BuiltinFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
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

  public Collection<BuiltinFunction> functions() {
    return functions.values();
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
