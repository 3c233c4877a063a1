package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The rest of Kotlin's {@code Iterable} operations on a {@code Set}, computed over its elements
 * in order (results that are collections are lists, as in Kotlin).
 */
final class SetIterables {
  private SetIterables() {}

  static void declare(Declarations d) {
    d.method("Set<T>", "sumOf").typeParams("R").param("selector", "(T) -> R").returns("R")
        .doc("The sum of `selector` over the elements; `selector` returns `Int` or `Double`.")
        .impl((cx, r, a) -> ListAggregates.sum(mapped(cx, r, a[0])));
    d.method("Set<T>", "maxOrNull").returns("T?").doc("The largest element, or null when empty.")
        .impl((cx, r, a) -> ListAggregates.extreme(xs(r), 1));
    d.method("Set<T>", "minOrNull").returns("T?").doc("The smallest element, or null when empty.")
        .impl((cx, r, a) -> ListAggregates.extreme(xs(r), -1));
    d.method("Set<T>", "maxByOrNull").typeParams("R").param("selector", "(T) -> R").returns("T?")
        .doc("The first element with the largest `selector` value, or null when empty.")
        .impl((cx, r, a) -> ListAggregates.extremeBy(cx, xs(r), a[0], 1));
    d.method("Set<T>", "minByOrNull").typeParams("R").param("selector", "(T) -> R").returns("T?")
        .doc("The first element with the smallest `selector` value, or null when empty.")
        .impl((cx, r, a) -> ListAggregates.extremeBy(cx, xs(r), a[0], -1));
    d.method("Set<T>", "sortedBy").typeParams("R").param("selector", "(T) -> R").returns("List<T>")
        .doc("The elements in ascending order of `selector`, as a list; equal keys keep their order.")
        .impl((cx, r, a) -> {
          var keyed = new ArrayList<Object[]>();
          for (Object e : xs(r)) {
            keyed.add(new Object[] {Fns.call(cx, a[0], e), e});
          }
          keyed.sort((p, q) -> Ordering.compare(p[0], q[0]));
          return Colls.list(new ArrayList<>(keyed.stream().map(p -> p[1]).toList()));
        });
    d.method("Set<T>", "find").param("predicate", "(T) -> Bool").returns("T?")
        .doc("The first element matching `predicate`, or null.")
        .impl((cx, r, a) -> {
          for (Object e : xs(r)) {
            if (Fns.test(cx, a[0], e)) {
              return e;
            }
          }
          return null;
        });
    d.method("Set<T>", "filterNot").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The elements not matching `predicate`, as a list.")
        .impl((cx, r, a) -> Colls.listOf(xs(r).stream().filter(e -> !Fns.test(cx, a[0], e)).toList()));
    d.method("Set<T>", "mapNotNull").typeParams("R").param("transform", "(T) -> R?").returns("List<R>")
        .doc("The non-null results of `transform` on each element.")
        .impl((cx, r, a) -> Colls.listOf(mapped(cx, r, a[0]).stream().filter(e -> e != null).toList()));
    d.method("Set<T>", "flatMap").typeParams("R").param("transform", "(T) -> List<R>").returns("List<R>")
        .doc("All elements of the lists `transform` returns, in order.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (Object e : xs(r)) {
            out.addAll(Colls.asList(Fns.call(cx, a[0], e)));
          }
          return Colls.list(out);
        });
    d.method("Set<T>", "associateWith").typeParams("V").param("valueSelector", "(T) -> V").returns("Map<T, V>")
        .doc("A map from each element to `valueSelector`'s value for it.")
        .impl((cx, r, a) -> {
          var out = new LinkedHashMap<Object, Object>();
          for (Object e : xs(r)) {
            out.put(e, Fns.call(cx, a[0], e));
          }
          return Colls.map(out);
        });
    d.method("Set<T>", "groupBy").typeParams("K").param("keySelector", "(T) -> K").returns("Map<K, List<T>>")
        .doc("The elements grouped by `keySelector`'s value, groups in first-seen order.")
        .impl((cx, r, a) -> {
          var groups = new LinkedHashMap<Object, List<Object>>();
          for (Object e : xs(r)) {
            groups.computeIfAbsent(Fns.call(cx, a[0], e), k -> new ArrayList<>()).add(e);
          }
          var out = new LinkedHashMap<Object, Object>();
          groups.forEach((k, v) -> out.put(k, Colls.list(v)));
          return Colls.map(out);
        });
  }

  private static List<Object> xs(Object set) {
    return new ArrayList<>(Colls.asCollection(set));
  }

  private static List<Object> mapped(CallContext cx, Object set, Object fn) {
    var out = new ArrayList<Object>();
    for (Object e : Colls.asCollection(set)) {
      out.add(Fns.call(cx, fn, e));
    }
    return out;
  }
}
