package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Kotlin's {@code compareBy}/{@code compareByDescending}/{@code thenBy}/{@code reversed} and
 * {@code sortedWith}/{@code sortWith}. A {@code Comparator} is data ({@link ComparatorValue}: its
 * selectors), so sorting evaluates the selectors with the sorting call's context.
 */
public final class Comparisons implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.type("Comparator<T>", "An order on `T` from `compareBy { .. }`, `compareByDescending { .. }`, `.thenBy { .. }`, `.reversed()`; used by `sortedWith`.", ComparatorValue.class, "Any");
    d.fn("compareBy").typeParams("T").vararg("selectors", "(T) -> Any?").returns("Comparator<T>")
        .doc("Orders by the first selector's value, ties by the next: `xs.sortedWith(compareBy({ it.team }, { it.name }))`. Nulls sort first.")
        .impl((cx, r, a) -> ComparatorValue.of(Colls.asList(a[0]), false));
    d.fn("compareByDescending").typeParams("T").vararg("selectors", "(T) -> Any?").returns("Comparator<T>")
        .doc("As `compareBy`, largest first.")
        .impl((cx, r, a) -> ComparatorValue.of(Colls.asList(a[0]), true));
    d.method("Comparator<T>", "thenBy").param("selector", "(T) -> Any?").returns("Comparator<T>")
        .doc("This order, ties broken by `selector`'s value.")
        .impl((cx, r, a) -> ((ComparatorValue) r).then(a[0], false));
    d.method("Comparator<T>", "thenByDescending").param("selector", "(T) -> Any?").returns("Comparator<T>")
        .doc("This order, ties broken by `selector`'s value, largest first.")
        .impl((cx, r, a) -> ((ComparatorValue) r).then(a[0], true));
    d.method("Comparator<T>", "reversed").returns("Comparator<T>").doc("The opposite order.")
        .impl((cx, r, a) -> ((ComparatorValue) r).reversed());
    d.method("List<T>", "sortedWith").param("comparator", "Comparator<T>").returns("List<T>")
        .doc("The elements in the comparator's order; equal ones keep their order.")
        .impl((cx, r, a) -> Colls.list(sort(cx, new ArrayList<>(l(r)), (ComparatorValue) a[0])));
    d.method("MutableList<T>", "sortWith").param("comparator", "Comparator<T>")
        .doc("Sorts the list in place in the comparator's order.")
        .impl((cx, r, a) -> {
          List<Object> sorted = sort(cx, new ArrayList<>(l(r)), (ComparatorValue) a[0]);
          l(r).clear();
          l(r).addAll(sorted);
          return Unit.INSTANCE;
        });
  }

  /** Computes every key once per element, then sorts stably. */
  private static List<Object> sort(CallContext cx, List<Object> xs, ComparatorValue cmp) {
    var keyed = new ArrayList<Object[]>();
    for (Object e : xs) {
      keyed.add(new Object[] {e, cmp.keys(cx, e)});
    }
    keyed.sort((p, q) -> cmp.compareKeys((Object[]) p[1], (Object[]) q[1]));
    var out = new ArrayList<Object>(keyed.size());
    keyed.forEach(p -> out.add(p[0]));
    return out;
  }
}
