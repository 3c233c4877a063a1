package io.slipway.interp;

import java.util.Map;

/**
 * An entry of an {@code enum class}: its class, {@code name}, {@code ordinal} and constructor
 * properties. Entries are singletons, so identity is equality; it prints as its name.
 */
public final class EnumValue implements Comparable<EnumValue> {
  private final String typeName;
  private final String name;
  private final int ordinal;
  private final Map<String, Object> properties;

  EnumValue(String typeName, String name, int ordinal, Map<String, Object> properties) {
    this.typeName = typeName;
    this.name = name;
    this.ordinal = ordinal;
    this.properties = new java.util.HashMap<>(properties);
  }

  /** Sets a body property while the entry is made (entries are otherwise immutable). */
  void initProperty(String property, Object value) {
    properties.put(property, value);
  }

  public String typeName() {
    return typeName;
  }

  public String name() {
    return name;
  }

  public int ordinal() {
    return ordinal;
  }

  /** {@code name}, {@code ordinal} or a constructor property; absent is null with has() false. */
  boolean has(String property) {
    return property.equals("name") || property.equals("ordinal")
        || properties.containsKey(property);
  }

  Object get(String property) {
    return switch (property) {
      case "name" -> name;
      case "ordinal" -> (long) ordinal;
      default -> properties.get(property);
    };
  }

  @Override
  public int compareTo(EnumValue o) {
    return Integer.compare(ordinal, o.ordinal);
  }

  @Override
  public String toString() {
    return name;
  }
}
