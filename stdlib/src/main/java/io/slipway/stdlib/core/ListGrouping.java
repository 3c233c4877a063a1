package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.Declarations;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Lists to maps and pairs: groupBy, associate*, partition. Maps keep first-seen key order. */
final class ListGrouping {
  private ListGrouping() {}

  static void declare(Declarations d) {
    d.method("List<T>", "groupBy").typeParams("K").param("keySelector", "(T) -> K").returns("Map<K, List<T>>")
        .doc("The elements grouped by key, in order of first appearance.")
        .impl((cx, r, a) -> {
          var groups = new LinkedHashMap<Object, List<Object>>();
          for (Object e : l(r)) {
            groups.computeIfAbsent(Fns.call(cx, a[0], e), k -> new ArrayList<>()).add(e);
          }
          var out = new LinkedHashMap<Object, Object>();
          groups.forEach((k, v) -> out.put(k, Colls.list(v)));
          return Colls.map(out);
        });
    d.method("List<T>", "associate").typeParams("K", "V").param("transform", "(T) -> Pair<K, V>").returns("Map<K, V>")
        .doc("A map of the pairs `transform` returns; later keys win.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (Object e : l(r)) {
            Object p = Fns.call(cx, a[0], e);
            if (!(p instanceof Pair pair)) {
              throw SlipException.error("associate: transform must return a Pair");
            }
            out.put(pair.first(), pair.second());
          }
          return Colls.map(out);
        });
    d.method("List<T>", "associateBy").typeParams("K").param("keySelector", "(T) -> K").returns("Map<K, T>")
        .doc("A map from each element's key to the element; later elements win.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (Object e : l(r)) {
            out.put(Fns.call(cx, a[0], e), e);
          }
          return Colls.map(out);
        });
    d.method("List<T>", "associateWith").typeParams("V").param("valueSelector", "(T) -> V").returns("Map<T, V>")
        .doc("A map from each element to its value.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (Object e : l(r)) {
            out.put(e, Fns.call(cx, a[0], e));
          }
          return Colls.map(out);
        });
    d.method("List<T>", "partition").param("predicate", "(T) -> Bool").returns("Pair<List<T>, List<T>>")
        .doc("The elements matching `predicate`, and the others.")
        .impl((cx, r, a) -> {
          var yes = new ArrayList<Object>();
          var no = new ArrayList<Object>();
          for (Object e : l(r)) {
            (Fns.test(cx, a[0], e) ? yes : no).add(e);
          }
          return new Pair(Colls.list(yes), Colls.list(no));
        });
  }
}
