package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;

/** Making lists and reading them: size, elements, search. */
public final class Lists implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.fn("listOf").typeParams("T").vararg("elements", "T").returns("List<T>")
        .doc("An immutable list of the elements.")
        .impl((cx, r, a) -> Colls.listOf(Colls.asList(a[0])));
    d.fn("emptyList").typeParams("T").returns("List<T>").doc("An empty immutable list.")
        .impl((cx, r, a) -> Colls.list(new ArrayList<>()));
    d.fn("listOfNotNull").typeParams("T").vararg("elements", "T?").returns("List<T>")
        .doc("An immutable list of the elements that are not null.")
        .impl((cx, r, a) -> Colls.listOf(Colls.asList(a[0]).stream().filter(e -> e != null).toList()));
    d.fn("mutableListOf").typeParams("T").vararg("elements", "T").returns("MutableList<T>")
        .doc("A new mutable list holding the elements.")
        .impl((cx, r, a) -> new ArrayList<>(Colls.asList(a[0])));

    d.property("List<T>", "size").type("Int").doc("The number of elements.")
        .get((cx, r) -> (long) l(r).size());
    d.property("List<T>", "lastIndex").type("Int").doc("The index of the last element, -1 when empty.")
        .get((cx, r) -> (long) l(r).size() - 1);
    d.property("List<T>", "indices").type("List<Int>").doc("The valid indices, `0 until size`.")
        .get((cx, r) -> Ranges.of(0, l(r).size() - 1L, 1));
    d.method("List<T>", "isEmpty").returns("Bool").doc("True when there are no elements.")
        .impl((cx, r, a) -> l(r).isEmpty());
    d.method("List<T>", "isNotEmpty").returns("Bool").doc("True when there are elements.")
        .impl((cx, r, a) -> !l(r).isEmpty());
    d.method("List<T>", "get").param("index", "Int").returns("T")
        .doc("`xs[i]`: the element at `index`; out of range is an error.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          Colls.checkIndex(i, l(r).size());
          return l(r).get((int) i);
        });
    d.method("List<T>", "getOrNull").param("index", "Int").returns("T?")
        .doc("The element at `index`, or null when out of range.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          return i >= 0 && i < l(r).size() ? l(r).get((int) i) : null;
        });
    d.method("List<T>", "getOrElse").param("index", "Int").param("defaultValue", "(Int) -> T").returns("T")
        .doc("The element at `index`, or the block's value for that index when out of range.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          return i >= 0 && i < l(r).size() ? l(r).get((int) i) : Fns.call(cx, a[1], i);
        });
    d.method("List<T>", "first").param("predicate", "((T) -> Bool)?", null, "null").returns("T")
        .doc("The first element (matching `predicate`, if given); none is an error.")
        .impl((cx, r, a) -> {
          Object[] found = find(cx, l(r), a[0], false);
          if (found == null) {
            throw SlipException.error(a[0] == null ? "list is empty" : "no element matches the predicate");
          }
          return found[0];
        });
    d.method("List<T>", "last").param("predicate", "((T) -> Bool)?", null, "null").returns("T")
        .doc("The last element (matching `predicate`, if given); none is an error.")
        .impl((cx, r, a) -> {
          Object[] found = find(cx, l(r), a[0], true);
          if (found == null) {
            throw SlipException.error(a[0] == null ? "list is empty" : "no element matches the predicate");
          }
          return found[0];
        });
    d.method("List<T>", "firstOrNull").param("predicate", "((T) -> Bool)?", null, "null").returns("T?")
        .doc("The first element (matching `predicate`, if given), or null.")
        .impl((cx, r, a) -> unwrap(find(cx, l(r), a[0], false)));
    d.method("List<T>", "lastOrNull").param("predicate", "((T) -> Bool)?", null, "null").returns("T?")
        .doc("The last element (matching `predicate`, if given), or null.")
        .impl((cx, r, a) -> unwrap(find(cx, l(r), a[0], true)));
    d.method("List<T>", "find").param("predicate", "(T) -> Bool").returns("T?")
        .doc("The first element matching `predicate`, or null.")
        .impl((cx, r, a) -> unwrap(find(cx, l(r), a[0], false)));
    d.method("List<T>", "single").returns("T").doc("The only element; an empty or longer list is an error.")
        .impl((cx, r, a) -> {
          if (l(r).size() != 1) {
            throw SlipException.error(l(r).isEmpty() ? "list is empty" : "list has more than one element");
          }
          return l(r).get(0);
        });
    d.method("List<T>", "indexOf").param("element", "T").returns("Int")
        .doc("The first index of `element`, or -1.")
        .impl((cx, r, a) -> (long) l(r).indexOf(a[0]));
    d.method("List<T>", "lastIndexOf").param("element", "T").returns("Int")
        .doc("The last index of `element`, or -1.")
        .impl((cx, r, a) -> (long) l(r).lastIndexOf(a[0]));
    d.method("List<T>", "indexOfFirst").param("predicate", "(T) -> Bool").returns("Int")
        .doc("The index of the first element matching `predicate`, or -1.")
        .impl((cx, r, a) -> {
          for (int i = 0; i < l(r).size(); i++) {
            if (Fns.test(cx, a[0], l(r).get(i))) {
              return (long) i;
            }
          }
          return -1L;
        });
    d.method("List<T>", "contains").param("element", "T").returns("Bool")
        .doc("True when `element` is in the list; the same as `element in xs`.")
        .impl((cx, r, a) -> l(r).contains(a[0]));
    d.method("List<T>", "containsAll").param("elements", "List<T>").returns("Bool")
        .doc("True when every one of `elements` is in the list.")
        .impl((cx, r, a) -> l(r).containsAll(l(a[0])));
    d.method("List<T>", "subList").param("fromIndex", "Int").param("toIndex", "Int").returns("List<T>")
        .doc("The elements from `fromIndex` up to, not including, `toIndex`.")
        .impl((cx, r, a) -> {
          long from = (Long) a[0];
          long to = (Long) a[1];
          if (from < 0 || to > l(r).size() || from > to) {
            throw SlipException.error("fromIndex " + from + ", toIndex " + to + ", size " + l(r).size());
          }
          return Colls.listOf(l(r).subList((int) from, (int) to));
        });
    d.method("List<T>", "toList").returns("List<T>").doc("An immutable copy.")
        .impl((cx, r, a) -> Colls.listOf(l(r)));
    d.method("List<T>", "toMutableList").returns("MutableList<T>").doc("A new mutable list with the same elements.")
        .impl((cx, r, a) -> new ArrayList<>(l(r)));
    ListTransforms.declare(d);
    ListSlices.declare(d);
    ListAggregates.declare(d);
    ListGrouping.declare(d);
  }

  static List<Object> l(Object o) {
    return Colls.asList(o);
  }

  /** The first (or last) element matching the predicate (any element when null), boxed. */
  private static Object[] find(io.slipway.builtin.CallContext cx, List<Object> xs, Object pred, boolean fromEnd) {
    for (int k = 0; k < xs.size(); k++) {
      Object e = xs.get(fromEnd ? xs.size() - 1 - k : k);
      if (pred == null || Fns.test(cx, pred, e)) {
        return new Object[] {e};
      }
    }
    return null;
  }

  private static Object unwrap(Object[] found) {
    return found == null ? null : found[0];
  }
}
