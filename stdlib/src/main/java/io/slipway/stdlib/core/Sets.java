package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Set} and {@code MutableSet}: insertion-ordered, equal by elements, printed {@code [a, b]}
 * as Kotlin's {@code LinkedHashSet}. A {@code MutableSet} is a {@code LinkedHashSet}; a
 * {@code Set} an unmodifiable wrapper of one. {@code +}, {@code -} and {@code in} are operators
 * of the checker and interpreter; iteration is {@code for (x in set)}.
 */
public final class Sets implements Library {
  /** A List or a Set: what union, intersect, subtract and containsAll take. */
  private static final String ELEMENTS = "List<T> | Set<T>";

  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.fn("setOf").typeParams("T").vararg("elements", "T").returns("Set<T>")
        .doc("An immutable set of the elements, in insertion order; repeats are dropped.")
        .impl((cx, r, a) -> set(new LinkedHashSet<>(Colls.asList(a[0]))));
    d.fn("emptySet").typeParams("T").returns("Set<T>").doc("An empty immutable set.")
        .impl((cx, r, a) -> set(new LinkedHashSet<>()));
    d.fn("mutableSetOf").typeParams("T").vararg("elements", "T").returns("MutableSet<T>")
        .doc("A new mutable set holding the elements, in insertion order.")
        .impl((cx, r, a) -> new LinkedHashSet<>(Colls.asList(a[0])));
    for (String recv : List.of("List<T>", "Set<T>")) {
      d.method(recv, "toSet").returns("Set<T>").doc("The distinct elements as an immutable set, first occurrences first.")
          .impl((cx, r, a) -> set(new LinkedHashSet<>(c(r))));
      d.method(recv, "toMutableSet").returns("MutableSet<T>").doc("The distinct elements as a new mutable set.")
          .impl((cx, r, a) -> new LinkedHashSet<>(c(r)));
      d.method(recv, "union").param("other", ELEMENTS).returns("Set<T>")
          .doc("The elements of both, this one's first: `setOf(1, 2) union setOf(2, 3)` is `[1, 2, 3]`.")
          .impl((cx, r, a) -> {
            var out = new LinkedHashSet<>(c(r));
            out.addAll(c(a[0]));
            return set(out);
          });
      d.method(recv, "intersect").param("other", ELEMENTS).returns("Set<T>")
          .doc("The elements that are also in `other`, in this one's order.")
          .impl((cx, r, a) -> {
            var out = new LinkedHashSet<>(c(r));
            out.retainAll(c(a[0]));
            return set(out);
          });
      d.method(recv, "subtract").param("other", ELEMENTS).returns("Set<T>")
          .doc("The elements that are not in `other`.")
          .impl((cx, r, a) -> {
            var out = new LinkedHashSet<>(c(r));
            out.removeAll(c(a[0]));
            return set(out);
          });
    }
    d.property("Set<T>", "size").type("Int").doc("The number of elements.")
        .get((cx, r) -> (long) c(r).size());
    d.method("Set<T>", "isEmpty").returns("Bool").doc("True when there are no elements.")
        .impl((cx, r, a) -> c(r).isEmpty());
    d.method("Set<T>", "isNotEmpty").returns("Bool").doc("True when there are elements.")
        .impl((cx, r, a) -> !c(r).isEmpty());
    d.method("Set<T>", "contains").param("element", "T").returns("Bool")
        .doc("True when `element` is in the set; the same as `element in s`.")
        .impl((cx, r, a) -> c(r).contains(a[0]));
    d.method("Set<T>", "containsAll").param("elements", ELEMENTS).returns("Bool")
        .doc("True when every one of `elements` is in the set.")
        .impl((cx, r, a) -> c(r).containsAll(c(a[0])));
    d.method("Set<T>", "toList").returns("List<T>").doc("The elements as an immutable list, in order.")
        .impl((cx, r, a) -> Colls.listOf(c(r)));
    d.method("Set<T>", "toMutableList").returns("MutableList<T>").doc("The elements as a new mutable list.")
        .impl((cx, r, a) -> new ArrayList<>(c(r)));
    d.method("Set<T>", "first").returns("T").doc("The first element; an empty set is an error.")
        .impl((cx, r, a) -> {
          if (c(r).isEmpty()) {
            throw io.slipway.value.SlipException.error("set is empty");
          }
          return c(r).iterator().next();
        });
    d.method("Set<T>", "firstOrNull").returns("T?").doc("The first element, or null when empty.")
        .impl((cx, r, a) -> c(r).isEmpty() ? null : c(r).iterator().next());
    d.method("Set<T>", "map").typeParams("R").param("transform", "(T) -> R").returns("List<R>")
        .doc("The results of `transform` on each element, as a list.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (Object e : c(r)) {
            out.add(Fns.call(cx, a[0], e));
          }
          return Colls.list(out);
        });
    d.method("Set<T>", "filter").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The elements matching `predicate`, as a list (as Kotlin's `Iterable.filter`).")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (Object e : c(r)) {
            if (Fns.test(cx, a[0], e)) {
              out.add(e);
            }
          }
          return Colls.list(out);
        });
    d.method("Set<T>", "any").param("predicate", "((T) -> Bool)?", null, "null").returns("Bool")
        .doc("True when some element matches `predicate` (any element at all without one).")
        .impl((cx, r, a) -> count(cx, c(r), a[0]) > 0);
    d.method("Set<T>", "none").param("predicate", "((T) -> Bool)?", null, "null").returns("Bool")
        .doc("True when no element matches `predicate` (the set is empty without one).")
        .impl((cx, r, a) -> count(cx, c(r), a[0]) == 0);
    d.method("Set<T>", "all").param("predicate", "(T) -> Bool").returns("Bool")
        .doc("True when every element matches `predicate`.")
        .impl((cx, r, a) -> count(cx, c(r), a[0]) == c(r).size());
    d.method("Set<T>", "count").param("predicate", "((T) -> Bool)?", null, "null").returns("Int")
        .doc("The number of elements matching `predicate` (all without one).")
        .impl((cx, r, a) -> (long) count(cx, c(r), a[0]));
    d.method("Set<T>", "forEach").param("action", "(T) -> Unit").doc("Runs `action` on each element in order.")
        .impl((cx, r, a) -> {
          for (Object e : c(r)) {
            Fns.call(cx, a[0], e);
          }
          return Unit.INSTANCE;
        });
    d.method("Set<T>", "sorted").returns("List<T>").doc("The elements in ascending natural order, as a list.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<>(c(r));
          out.sort(Ordering.NATURAL);
          return Colls.list(out);
        });
    d.method("Set<T>", "joinToString").param("separator", "String", ", ", "\", \"")
        .param("prefix", "String", "", "\"\"").param("postfix", "String", "", "\"\"")
        .param("transform", "((T) -> String)?", null, "null").returns("String")
        .doc("The elements as one string, as `List.joinToString`.")
        .impl((cx, r, a) -> {
          var sb = new StringBuilder((String) a[1]);
          boolean firstOne = true;
          for (Object e : c(r)) {
            if (!firstOne) {
              sb.append((String) a[0]);
            }
            firstOne = false;
            sb.append(a[3] == null ? AnyMethods.show(e) : Values.show(Fns.call(cx, a[3], e)));
          }
          return sb.append((String) a[2]).toString();
        });
    SetIterables.declare(d);
    d.method("MutableSet<T>", "add").param("element", "T").returns("Bool")
        .doc("Adds `element`; true when it was not there yet.")
        .impl((cx, r, a) -> m(r).add(a[0]));
    d.method("MutableSet<T>", "addAll").param("elements", ELEMENTS).returns("Bool")
        .doc("Adds every one of `elements`; true when the set changed.")
        .impl((cx, r, a) -> m(r).addAll(c(a[0])));
    d.method("MutableSet<T>", "remove").param("element", "T").returns("Bool")
        .doc("Removes `element`; true when it was there.")
        .impl((cx, r, a) -> m(r).remove(a[0]));
    d.method("MutableSet<T>", "removeAll").param("elements", ELEMENTS).returns("Bool")
        .doc("Removes every one of `elements`; true when the set changed.")
        .impl((cx, r, a) -> m(r).removeAll(c(a[0])));
    d.method("MutableSet<T>", "clear").doc("Removes every element.")
        .impl((cx, r, a) -> {
          m(r).clear();
          return Unit.INSTANCE;
        });
  }

  private static Set<Object> set(LinkedHashSet<Object> fresh) {
    return Collections.unmodifiableSet(fresh);
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> c(Object o) {
    return (Collection<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> m(Object o) {
    return (Set<Object>) o;
  }

  private static int count(io.slipway.builtin.CallContext cx, Collection<Object> xs, Object pred) {
    int n = 0;
    for (Object e : xs) {
      if (pred == null || Fns.test(cx, pred, e)) {
        n++;
      }
    }
    return n;
  }
}
