package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.value.Pair;
import io.slipway.value.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/** Element-wise list operations that build new lists: map, filter, sort, combine. */
final class ListTransforms {
  private ListTransforms() {}

  static void declare(Declarations d) {
    d.method("List<T>", "map").typeParams("R").param("transform", "(T) -> R").returns("List<R>")
        .doc("The results of `transform` on each element.")
        .impl((cx, r, a) -> map(cx, l(r), a[0], false));
    d.method("List<T>", "mapNotNull").typeParams("R").param("transform", "(T) -> R?").returns("List<R>")
        .doc("The non-null results of `transform` on each element.")
        .impl((cx, r, a) -> map(cx, l(r), a[0], true));
    d.method("List<T>", "mapIndexed").typeParams("R").param("transform", "(Int, T) -> R").returns("List<R>")
        .doc("The results of `transform` on each index and element.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (int i = 0; i < l(r).size(); i++) {
            out.add(Fns.call(cx, a[0], (long) i, l(r).get(i)));
          }
          return Colls.list(out);
        });
    d.method("List<T>", "flatMap").typeParams("R").param("transform", "(T) -> List<R>").returns("List<R>")
        .doc("All elements of the lists `transform` returns, in order.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (Object e : l(r)) {
            out.addAll(l(Fns.call(cx, a[0], e)));
          }
          return Colls.list(out);
        });
    d.method("List<T>", "filter").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The elements matching `predicate`.")
        .impl((cx, r, a) -> filter(cx, l(r), a[0], true));
    d.method("List<T>", "filterNot").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The elements not matching `predicate`.")
        .impl((cx, r, a) -> filter(cx, l(r), a[0], false));
    d.method("List<T>", "filterIndexed").param("predicate", "(Int, T) -> Bool").returns("List<T>")
        .doc("The elements for which `predicate` of index and element is true.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (int i = 0; i < l(r).size(); i++) {
            if (Fns.test(cx, a[0], (long) i, l(r).get(i))) {
              out.add(l(r).get(i));
            }
          }
          return Colls.list(out);
        });
    d.method("List<T?>", "filterNotNull").returns("List<T>").doc("The elements that are not null.")
        .impl((cx, r, a) -> Colls.listOf(l(r).stream().filter(e -> e != null).toList()));
    d.method("List<T>", "forEach").param("action", "(T) -> Unit")
        .doc("Runs `action` on each element in order.")
        .impl((cx, r, a) -> {
          for (Object e : l(r)) {
            Fns.call(cx, a[0], e);
          }
          return Unit.INSTANCE;
        });
    d.method("List<T>", "forEachIndexed").param("action", "(Int, T) -> Unit")
        .doc("Runs `action` on each index and element in order.")
        .impl((cx, r, a) -> {
          for (int i = 0; i < l(r).size(); i++) {
            Fns.call(cx, a[0], (long) i, l(r).get(i));
          }
          return Unit.INSTANCE;
        });
    d.method("List<T>", "onEach").param("action", "(T) -> Unit").returns("List<T>")
        .doc("Runs `action` on each element, then returns the list itself.")
        .impl((cx, r, a) -> {
          for (Object e : l(r)) {
            Fns.call(cx, a[0], e);
          }
          return r;
        });
    d.method("List<T>", "sorted").returns("List<T>").doc("The elements in ascending natural order.")
        .impl((cx, r, a) -> sorted(l(r), Ordering.NATURAL));
    d.method("List<T>", "sortedDescending").returns("List<T>").doc("The elements in descending natural order.")
        .impl((cx, r, a) -> sorted(l(r), Ordering.NATURAL.reversed()));
    d.method("List<T>", "sortedBy").typeParams("R").param("selector", "(T) -> R").returns("List<T>")
        .doc("The elements in ascending order of `selector`; equal keys keep their order.")
        .impl((cx, r, a) -> sortedBy(cx, l(r), a[0], false));
    d.method("List<T>", "sortedByDescending").typeParams("R").param("selector", "(T) -> R").returns("List<T>")
        .doc("The elements in descending order of `selector`; equal keys keep their order.")
        .impl((cx, r, a) -> sortedBy(cx, l(r), a[0], true));
    d.method("List<T>", "reversed").returns("List<T>").doc("The elements in reverse order.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<>(l(r));
          Collections.reverse(out);
          return Colls.list(out);
        });
    d.method("List<T>", "distinct").returns("List<T>").doc("The elements without repetitions, first occurrences kept.")
        .impl((cx, r, a) -> Colls.listOf(new LinkedHashSet<>(l(r))));
    d.method("List<T>", "distinctBy").typeParams("K").param("selector", "(T) -> K").returns("List<T>")
        .doc("The first element for each distinct `selector` value.")
        .impl((cx, r, a) -> {
          var seen = new LinkedHashMap<Object, Object>();
          for (Object e : l(r)) {
            seen.putIfAbsent(Fns.call(cx, a[0], e), e);
          }
          return Colls.listOf(seen.values());
        });
    d.method("List<T>", "plus").param("elements", "List<T>").returns("List<T>")
        .doc("The elements followed by `elements`; the same as `xs + ys`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<>(l(r));
          out.addAll(l(a[0]));
          return Colls.list(out);
        });
    d.method("List<T>", "plusElement").param("element", "T").returns("List<T>")
        .doc("The elements followed by `element`; the same as `xs + x`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<>(l(r));
          out.add(a[0]);
          return Colls.list(out);
        });
    d.method("List<T>", "minus").param("elements", "List<T>").returns("List<T>")
        .doc("The elements that are not in `elements`.")
        .impl((cx, r, a) -> Colls.listOf(l(r).stream().filter(e -> !l(a[0]).contains(e)).toList()));
    d.method("List<T>", "minusElement").param("element", "T").returns("List<T>")
        .doc("The elements without the first occurrence of `element`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<>(l(r));
          out.remove(a[0]);
          return Colls.list(out);
        });
    d.method("List<T>", "zip").typeParams("R").param("other", "List<R>").returns("List<Pair<T, R>>")
        .doc("Pairs of elements at the same index; as long as the shorter list.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (int i = 0; i < Math.min(l(r).size(), l(a[0]).size()); i++) {
            out.add(new Pair(l(r).get(i), l(a[0]).get(i)));
          }
          return Colls.list(out);
        });
  }

  private static List<Object> map(CallContext cx, List<Object> xs, Object fn, boolean dropNulls) {
    var out = new ArrayList<Object>(xs.size());
    for (Object e : xs) {
      Object v = Fns.call(cx, fn, e);
      if (v != null || !dropNulls) {
        out.add(v);
      }
    }
    return Colls.list(out);
  }

  private static List<Object> filter(CallContext cx, List<Object> xs, Object fn, boolean keep) {
    var out = new ArrayList<Object>();
    for (Object e : xs) {
      if (Fns.test(cx, fn, e) == keep) {
        out.add(e);
      }
    }
    return Colls.list(out);
  }

  private static List<Object> sorted(List<Object> xs, Comparator<Object> order) {
    var out = new ArrayList<>(xs);
    out.sort(order);
    return Colls.list(out);
  }

  /** Computes each key once, then sorts stably by it. */
  private static List<Object> sortedBy(CallContext cx, List<Object> xs, Object fn, boolean desc) {
    var keyed = new ArrayList<Object[]>();
    for (Object e : xs) {
      keyed.add(new Object[] {Fns.call(cx, fn, e), e});
    }
    Comparator<Object[]> byKey = (p, q) -> Ordering.compare(p[0], q[0]);
    keyed.sort(desc ? byKey.reversed() : byKey);
    return Colls.list(new ArrayList<>(keyed.stream().map(p -> p[1]).toList()));
  }
}
