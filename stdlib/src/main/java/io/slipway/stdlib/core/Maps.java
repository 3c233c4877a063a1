package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.MapEntry;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Making and reading maps, their entries ({@code Map.Entry}) and {@code Pair}. Lambdas over maps
 * take an entry, as Kotlin's ({@code filter { it.value > 1 }}, {@code map { (k, v) -> }}), or
 * the key and the value as two parameters ({@code forEach { k, v -> }}).
 */
public final class Maps implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.fn("mapOf").typeParams("K", "V").vararg("pairs", "Pair<K, V>").returns("Map<K, V>")
        .doc("An immutable map of the pairs, in order; later keys win: `mapOf(\"a\" to 1)`.")
        .impl((cx, r, a) -> Colls.map(fromPairs(Colls.asList(a[0]))));
    d.fn("emptyMap").typeParams("K", "V").returns("Map<K, V>").doc("An empty immutable map.")
        .impl((cx, r, a) -> Colls.map(new LinkedHashMap<>()));
    d.fn("mutableMapOf").typeParams("K", "V").vararg("pairs", "Pair<K, V>").returns("MutableMap<K, V>")
        .doc("A new mutable map holding the pairs, in insertion order.")
        .impl((cx, r, a) -> fromPairs(Colls.asList(a[0])));

    d.property("Map<K, V>", "size").type("Int").doc("The number of entries.")
        .get((cx, r) -> (long) m(r).size());
    d.property("Map<K, V>", "keys").type("Set<K>").doc("The keys, in order, as a `Set` (as Kotlin's).")
        .get((cx, r) -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(m(r).keySet())));
    d.property("Map<K, V>", "values").type("List<V>").doc("The values, in key order.")
        .get((cx, r) -> Colls.listOf(m(r).values()));
    // a List, not Kotlin's Set: the same entries in the same order, with every List operation
    d.property("Map<K, V>", "entries").type("List<Map.Entry<K, V>>")
        .doc("The entries, in order: `for ((k, v) in m.entries)`, `m.entries.sortedBy { it.value }`.")
        .get((cx, r) -> {
          var out = new ArrayList<Object>(m(r).size());
          m(r).entrySet().forEach(e -> out.add(MapEntry.of(e)));
          return Colls.list(out);
        });
    d.method("Map<K, V>", "get").param("key", "K").returns("V?")
        .doc("`m[k]`: the value for `key`, or null.")
        .impl((cx, r, a) -> m(r).get(a[0]));
    d.method("Map<K, V>", "getValue").param("key", "K").returns("V")
        .doc("The value for `key`; a missing key is an error.")
        .impl((cx, r, a) -> {
          if (!m(r).containsKey(a[0])) {
            throw SlipException.error("key " + Values.show(a[0]) + " is missing in the map");
          }
          return m(r).get(a[0]);
        });
    d.method("Map<K, V>", "getOrDefault").param("key", "K").param("defaultValue", "V").returns("V")
        .doc("The value for `key`, or `defaultValue` when absent.")
        .impl((cx, r, a) -> m(r).containsKey(a[0]) ? m(r).get(a[0]) : a[1]);
    d.method("Map<K, V>", "getOrElse").param("key", "K").param("defaultValue", "() -> V").returns("V")
        .doc("The value for `key`, or the block's value when absent.")
        .impl((cx, r, a) -> m(r).containsKey(a[0]) ? m(r).get(a[0]) : Fns.call(cx, a[1]));
    d.method("Map<K, V>", "containsKey").param("key", "K").returns("Bool")
        .doc("True when `key` is in the map; the same as `key in m`.")
        .impl((cx, r, a) -> m(r).containsKey(a[0]));
    d.method("Map<K, V>", "containsValue").param("value", "V").returns("Bool")
        .doc("True when some key maps to `value`.")
        .impl((cx, r, a) -> m(r).containsValue(a[0]));
    d.method("Map<K, V>", "isEmpty").returns("Bool").doc("True when there are no entries.")
        .impl((cx, r, a) -> m(r).isEmpty());
    d.method("Map<K, V>", "isNotEmpty").returns("Bool").doc("True when there are entries.")
        .impl((cx, r, a) -> !m(r).isEmpty());
    d.method("Map<K, V>", "toList").returns("List<Pair<K, V>>").doc("The entries as pairs, in order.")
        .impl((cx, r, a) -> pairs(m(r)));
    d.method("Map<K, V>", "toMap").returns("Map<K, V>").doc("An immutable copy.")
        .impl((cx, r, a) -> Colls.mapOf(m(r)));
    d.method("Map<K, V>", "toMutableMap").returns("MutableMap<K, V>").doc("A new mutable map with the same entries.")
        .impl((cx, r, a) -> new LinkedHashMap<>(m(r)));
    d.method("Map<K, V>", "plus").param("other", "Map<K, V> | Pair<K, V>").returns("Map<K, V>")
        .doc("The entries with those of `other` (a map or a pair) added; `other` wins on equal keys. The same as `m + other`.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<>(m(r));
          if (a[0] instanceof Pair p) {
            out.put(p.first(), p.second());
          } else {
            out.putAll(m(a[0]));
          }
          return Colls.map(out);
        });
    d.method("Map<K, V>", "minus").param("key", "K").returns("Map<K, V>").doc("The entries without `key`.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<>(m(r));
          out.remove(a[0]);
          return Colls.map(out);
        });
    MapTransforms.declare(d);
    MutableMaps.declare(d);

    d.property("Pair<A, B>", "first").type("A").doc("The first value.")
        .get((cx, r) -> ((Pair) r).first());
    d.property("Pair<A, B>", "second").type("B").doc("The second value.")
        .get((cx, r) -> ((Pair) r).second());
    d.property("Map.Entry<K, V>", "key").type("K").doc("The entry's key.")
        .get((cx, r) -> ((MapEntry) r).key());
    d.property("Map.Entry<K, V>", "value").type("V").doc("The entry's value.")
        .get((cx, r) -> ((MapEntry) r).value());
    d.method("Map.Entry<K, V>", "toPair").returns("Pair<K, V>").doc("`key to value`.")
        .impl((cx, r, a) -> new Pair(((MapEntry) r).key(), ((MapEntry) r).value()));
    d.method("Pair<A, B>", "toList").returns("List<Any?>").doc("`[first, second]`.")
        .impl((cx, r, a) -> Colls.list(new ArrayList<>(java.util.Arrays.asList(((Pair) r).first(), ((Pair) r).second()))));
  }

  static Map<Object, Object> m(Object o) {
    return Colls.asMap(o);
  }

  static List<Object> pairs(Map<Object, Object> map) {
    var out = new ArrayList<Object>(map.size());
    map.forEach((k, v) -> out.add(new Pair(k, v)));
    return Colls.list(out);
  }

  private static LinkedHashMap<Object, Object> fromPairs(List<Object> ps) {
    var out = new LinkedHashMap<Object, Object>();
    for (Object o : ps) {
      Pair p = (Pair) o;
      out.put(p.first(), p.second());
    }
    return out;
  }
}
