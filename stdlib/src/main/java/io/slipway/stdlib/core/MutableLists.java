package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.util.ArrayList;
import java.util.List;

/** In-place changes to a {@code MutableList} (an {@code ArrayList} at run time). */
public final class MutableLists implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.method("MutableList<T>", "add").param("element", "T").returns("Bool")
        .doc("Appends `element`; returns true.")
        .impl((cx, r, a) -> m(r).add(a[0]));
    d.method("MutableList<T>", "addAll").param("elements", "List<T>").returns("Bool")
        .doc("Appends every one of `elements`; true when the list changed.")
        .impl((cx, r, a) -> m(r).addAll(Colls.asList(a[0])));
    d.method("MutableList<T>", "insert").param("index", "Int").param("element", "T")
        .doc("Inserts `element` at `index` (0..size), shifting the rest right.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          if (i < 0 || i > m(r).size()) {
            throw Colls.outOfBounds(i, m(r).size());
          }
          m(r).add((int) i, a[1]);
          return Unit.INSTANCE;
        });
    d.method("MutableList<T>", "set").param("index", "Int").param("element", "T").returns("T")
        .doc("`xs[i] = v`: replaces the element at `index`; returns the old one.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          Colls.checkIndex(i, m(r).size());
          return m(r).set((int) i, a[1]);
        });
    d.method("MutableList<T>", "remove").param("element", "T").returns("Bool")
        .doc("Removes the first occurrence of `element`; true when there was one.")
        .impl((cx, r, a) -> m(r).remove(a[0]));
    d.method("MutableList<T>", "removeAt").param("index", "Int").returns("T")
        .doc("Removes and returns the element at `index`.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          Colls.checkIndex(i, m(r).size());
          return m(r).remove((int) i);
        });
    d.method("MutableList<T>", "removeLast").returns("T")
        .doc("Removes and returns the last element; an empty list is an error.")
        .impl((cx, r, a) -> {
          if (m(r).isEmpty()) {
            throw SlipException.error("list is empty");
          }
          return m(r).remove(m(r).size() - 1);
        });
    d.method("MutableList<T>", "removeAll").param("predicate", "(T) -> Bool").returns("Bool")
        .doc("Removes every element matching `predicate`; true when any was removed.")
        .impl((cx, r, a) -> {
          // evaluate the predicate once per element before changing the list
          var keep = new ArrayList<Object>();
          for (Object e : m(r)) {
            if (!Fns.test(cx, a[0], e)) {
              keep.add(e);
            }
          }
          boolean changed = keep.size() != m(r).size();
          m(r).clear();
          m(r).addAll(keep);
          return changed;
        });
    d.method("MutableList<T>", "clear").doc("Removes every element.")
        .impl((cx, r, a) -> {
          m(r).clear();
          return Unit.INSTANCE;
        });
    d.method("MutableList<T>", "sort").doc("Sorts the list in place in natural order.")
        .impl((cx, r, a) -> {
          m(r).sort(Ordering.NATURAL);
          return Unit.INSTANCE;
        });
  }

  private static List<Object> m(Object o) {
    return Colls.asList(o);
  }
}
