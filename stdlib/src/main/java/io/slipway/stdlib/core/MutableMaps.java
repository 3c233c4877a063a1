package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Maps.m;

import io.slipway.builtin.Declarations;
import io.slipway.value.Unit;

/** In-place changes to a {@code MutableMap} (a {@code LinkedHashMap} at run time). */
final class MutableMaps {
  private MutableMaps() {}

  static void declare(Declarations d) {
    d.method("MutableMap<K, V>", "put").param("key", "K").param("value", "V").returns("V?")
        .doc("Sets the value for `key`; returns the previous value or null.")
        .impl((cx, r, a) -> m(r).put(a[0], a[1]));
    d.method("MutableMap<K, V>", "set").param("key", "K").param("value", "V")
        .doc("`m[k] = v`: sets the value for `key`.")
        .impl((cx, r, a) -> {
          m(r).put(a[0], a[1]);
          return Unit.INSTANCE;
        });
    d.method("MutableMap<K, V>", "putAll").param("from", "Map<K, V>")
        .doc("Sets every entry of `from`.")
        .impl((cx, r, a) -> {
          m(r).putAll(m(a[0]));
          return Unit.INSTANCE;
        });
    d.method("MutableMap<K, V>", "remove").param("key", "K").returns("V?")
        .doc("Removes `key`; returns its value or null.")
        .impl((cx, r, a) -> m(r).remove(a[0]));
    d.method("MutableMap<K, V>", "getOrPut").param("key", "K").param("defaultValue", "() -> V").returns("V")
        .doc("The value for `key`; when absent, stores and returns the block's value.")
        .impl((cx, r, a) -> {
          if (m(r).containsKey(a[0])) {
            return m(r).get(a[0]);
          }
          Object v = Fns.call(cx, a[1]);
          m(r).put(a[0], v);
          return v;
        });
    d.method("MutableMap<K, V>", "clear").doc("Removes every entry.")
        .impl((cx, r, a) -> {
          m(r).clear();
          return Unit.INSTANCE;
        });
  }
}
