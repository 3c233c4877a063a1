package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Maps.m;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.value.MapEntry;
import io.slipway.value.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map operations taking lambdas of an entry, as Kotlin's: {@code m.filter { it.value > 1 }},
 * {@code m.map { (k, v) -> "$k=$v" }}; a lambda of two parameters gets the key and the value
 * ({@code m.forEach { k, v -> }}).
 */
final class MapTransforms {
  private MapTransforms() {}

  static void declare(Declarations d) {
    d.method("Map<K, V>", "forEach").param("action", "(Map.Entry<K, V>) -> Unit")
        .doc("Runs `action` on each key and value, in order: `m.forEach { (k, v) -> echo(\"$k=$v\") }` or `m.forEach { k, v -> ... }`.")
        .impl((cx, r, a) -> {
          for (var e : snapshot(m(r))) {
            Fns.call(cx, a[0], e);
          }
          return Unit.INSTANCE;
        });
    d.method("Map<K, V>", "filter").param("predicate", "(Map.Entry<K, V>) -> Bool").returns("Map<K, V>")
        .doc("The entries for which `predicate` is true: `m.filter { it.value > 1 }`.")
        .impl((cx, r, a) -> filter(cx, m(r), a[0], true));
    d.method("Map<K, V>", "filterNot").param("predicate", "(Map.Entry<K, V>) -> Bool").returns("Map<K, V>")
        .doc("The entries for which `predicate` is false.")
        .impl((cx, r, a) -> filter(cx, m(r), a[0], false));
    d.method("Map<K, V>", "filterKeys").param("predicate", "(K) -> Bool").returns("Map<K, V>")
        .doc("The entries whose key matches `predicate`.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (var e : snapshot(m(r))) {
            if (Fns.test(cx, a[0], e.getKey())) {
              out.put(e.getKey(), e.getValue());
            }
          }
          return Colls.map(out);
        });
    d.method("Map<K, V>", "filterValues").param("predicate", "(V) -> Bool").returns("Map<K, V>")
        .doc("The entries whose value matches `predicate`.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (var e : snapshot(m(r))) {
            if (Fns.test(cx, a[0], e.getValue())) {
              out.put(e.getKey(), e.getValue());
            }
          }
          return Colls.map(out);
        });
    d.method("Map<K, V>", "mapValues").typeParams("R").param("transform", "(Map.Entry<K, V>) -> R").returns("Map<K, R>")
        .doc("The same keys with the values `transform` of each entry returns: `m.mapValues { it.value * 2 }`.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (var e : snapshot(m(r))) {
            out.put(e.getKey(), Fns.call(cx, a[0], e));
          }
          return Colls.map(out);
        });
    d.method("Map<K, V>", "mapKeys").typeParams("R").param("transform", "(Map.Entry<K, V>) -> R").returns("Map<R, V>")
        .doc("The same values under the keys `transform` of each entry returns; later entries win.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (var e : snapshot(m(r))) {
            out.put(Fns.call(cx, a[0], e), e.getValue());
          }
          return Colls.map(out);
        });
    d.method("Map<K, V>", "map").typeParams("R").param("transform", "(Map.Entry<K, V>) -> R").returns("List<R>")
        .doc("The results of `transform` on each entry, in order: `m.map { (k, v) -> \"$k=$v\" }`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (var e : snapshot(m(r))) {
            out.add(Fns.call(cx, a[0], e));
          }
          return Colls.list(out);
        });
    d.method("Map<K, V>", "any").param("predicate", "(Map.Entry<K, V>) -> Bool").returns("Bool")
        .doc("True when some entry matches `predicate`.")
        .impl((cx, r, a) -> snapshot(m(r)).stream().anyMatch(e -> Fns.test(cx, a[0], e)));
    d.method("Map<K, V>", "all").param("predicate", "(Map.Entry<K, V>) -> Bool").returns("Bool")
        .doc("True when every entry matches `predicate`.")
        .impl((cx, r, a) -> snapshot(m(r)).stream().allMatch(e -> Fns.test(cx, a[0], e)));
    d.method("Map<K, V>", "count").param("predicate", "(Map.Entry<K, V>) -> Bool").returns("Int")
        .doc("The number of entries matching `predicate`.")
        .impl((cx, r, a) -> snapshot(m(r)).stream().filter(e -> Fns.test(cx, a[0], e)).count());
  }

  /**
   * The entries the lambdas see (Kotlin's {@code Map.Entry}; a lambda of two parameters gets
   * key and value). Lambdas may change a mutable map while we iterate it: iterate a copy.
   */
  private static java.util.List<MapEntry> snapshot(Map<Object, Object> map) {
    var out = new ArrayList<MapEntry>(map.size());
    map.entrySet().forEach(e -> out.add(MapEntry.of(e)));
    return out;
  }

  private static Map<Object, Object> filter(CallContext cx, Map<Object, Object> map, Object fn, boolean keep) {
    var out = new LinkedHashMap<Object, Object>();
    for (var e : snapshot(map)) {
      if (Fns.test(cx, fn, e) == keep) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return Colls.map(out);
  }
}
