package io.slipway.stdlib.core;

import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the runtime forms of collections: a Slipway {@code List} is an unmodifiable wrapper (so
 * that it is never taken for a {@code MutableList}, which is an {@code ArrayList}); a {@code Map}
 * is an unmodifiable insertion-ordered map, a {@code MutableMap} a {@code LinkedHashMap}.
 */
final class Colls {
  private Colls() {}

  /** Wraps a fresh list that nobody else holds. Allows null elements, unlike {@code List.copyOf}. */
  static List<Object> list(List<Object> fresh) {
    return Collections.unmodifiableList(fresh);
  }

  static List<Object> listOf(Collection<?> elements) {
    return Collections.unmodifiableList(new ArrayList<>(elements));
  }

  static Map<Object, Object> map(Map<Object, Object> fresh) {
    return Collections.unmodifiableMap(fresh);
  }

  static Map<Object, Object> mapOf(Map<?, ?> entries) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  static Collection<Object> asCollection(Object o) {
    return (Collection<Object>) o;
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> asMap(Object o) {
    return (Map<Object, Object>) o;
  }

  /** A Slipway Int argument used as a Java index or count; huge values are an error. */
  static int index(Object o) {
    long v = (Long) o;
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw SlipException.error("index " + v + " is out of range");
    }
    return (int) v;
  }

  /** Kotlin's message for a bad index: {@code index 5 out of bounds for length 3}. */
  static SlipException outOfBounds(long index, int size) {
    return SlipException.error("index " + index + " out of bounds for length " + size);
  }

  static void checkIndex(long index, int size) {
    if (index < 0 || index >= size) {
      throw outOfBounds(index, size);
    }
  }

  /** A count argument (take, drop, chunked...) must not be negative. */
  static int count(Object o, String what) {
    int n = index(o);
    if (n < 0) {
      throw SlipException.error(what + " must not be negative, was " + n);
    }
    return n;
  }
}
