package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

/**
 * Kotlin's helpers declared on nullable receivers, callable without {@code ?.}:
 * {@code orEmpty()} on {@code String?}, {@code List<T>?}, {@code Set<T>?}, {@code Map<K, V>?},
 * and {@code isNullOrEmpty()}/{@code isNullOrBlank()}. The receiver is null when the value is
 * (the checker records which declaration a call means, since null has no run-time type).
 */
public final class NullableReceivers implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Strings");
    d.method("String?", "orEmpty").returns("String")
        .doc("The string, or `\"\"` when it is null: `env(\"TAG\").orEmpty()`.")
        .impl((cx, r, a) -> r == null ? "" : r);
    d.method("String?", "isNullOrEmpty").returns("Bool")
        .doc("True when the string is null or has length 0.")
        .impl((cx, r, a) -> r == null || ((String) r).isEmpty());
    d.method("String?", "isNullOrBlank").returns("Bool")
        .doc("True when the string is null, empty or only whitespace.")
        .impl((cx, r, a) -> r == null || ((String) r).isBlank());
    d.category("Collections");
    d.method("List<T>?", "orEmpty").returns("List<T>")
        .doc("The list, or an empty list when it is null.")
        .impl((cx, r, a) -> r == null ? Colls.list(new ArrayList<>()) : r);
    d.method("List<T>?", "isNullOrEmpty").returns("Bool")
        .doc("True when the list is null or has no elements.")
        .impl((cx, r, a) -> r == null || ((java.util.Collection<?>) r).isEmpty());
    d.method("Set<T>?", "orEmpty").returns("Set<T>")
        .doc("The set, or an empty set when it is null.")
        .impl((cx, r, a) -> r == null ? Collections.unmodifiableSet(new LinkedHashSet<>()) : r);
    d.method("Set<T>?", "isNullOrEmpty").returns("Bool")
        .doc("True when the set is null or has no elements.")
        .impl((cx, r, a) -> r == null || ((java.util.Collection<?>) r).isEmpty());
    d.method("Map<K, V>?", "orEmpty").returns("Map<K, V>")
        .doc("The map, or an empty map when it is null.")
        .impl((cx, r, a) -> r == null ? Colls.map(new LinkedHashMap<>()) : r);
    d.method("Map<K, V>?", "isNullOrEmpty").returns("Bool")
        .doc("True when the map is null or has no entries.")
        .impl((cx, r, a) -> r == null || ((java.util.Map<?, ?>) r).isEmpty());
  }
}
