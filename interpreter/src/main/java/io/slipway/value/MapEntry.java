package io.slipway.value;

import java.util.Map;
import java.util.Objects;

/**
 * An entry of a map as Kotlin's {@code Map.Entry}: {@code key}, {@code value}, destructuring
 * {@code (k, v)}; what {@code for (e in m)}, {@code m.entries} and the map lambdas
 * ({@code m.filter { it.value > 1 }}) see. Prints as Kotlin does: {@code key=value}.
 */
public record MapEntry(Object key, Object value) implements Map.Entry<Object, Object> {
  /** The entry of a Java map entry. */
  public static MapEntry of(Map.Entry<?, ?> e) {
    return new MapEntry(e.getKey(), e.getValue());
  }

  @Override
  public Object getKey() {
    return key;
  }

  @Override
  public Object getValue() {
    return value;
  }

  @Override
  public Object setValue(Object v) {
    throw new UnsupportedOperationException("a map entry is read-only");
  }

  // Map.Entry's contract: equal to any entry with equal key and value
  @Override
  public boolean equals(Object o) {
    return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey())
        && Objects.equals(value, e.getValue());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key) ^ Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return Values.show(key) + "=" + Values.show(value);
  }
}
