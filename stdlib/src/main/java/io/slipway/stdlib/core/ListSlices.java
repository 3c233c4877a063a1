package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.Declarations;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;

/** Contiguous parts of lists: take/drop, chunks and windows. */
final class ListSlices {
  private ListSlices() {}

  static void declare(Declarations d) {
    d.method("List<T>", "take").param("n", "Int").returns("List<T>").doc("The first `n` elements (or all).")
        .impl((cx, r, a) -> slice(l(r), 0, Colls.count(a[0], "n")));
    d.method("List<T>", "drop").param("n", "Int").returns("List<T>").doc("All but the first `n` elements.")
        .impl((cx, r, a) -> slice(l(r), Colls.count(a[0], "n"), l(r).size()));
    d.method("List<T>", "takeLast").param("n", "Int").returns("List<T>").doc("The last `n` elements (or all).")
        .impl((cx, r, a) -> slice(l(r), l(r).size() - Colls.count(a[0], "n"), l(r).size()));
    d.method("List<T>", "dropLast").param("n", "Int").returns("List<T>").doc("All but the last `n` elements.")
        .impl((cx, r, a) -> slice(l(r), 0, l(r).size() - Colls.count(a[0], "n")));
    d.method("List<T>", "slice").param("indices", "List<Int>").returns("List<T>")
        .doc("The elements at `indices`, in their order: `xs.slice(1..2)`, `xs.slice(listOf(0, 2))`.")
        .impl((cx, r, a) -> {
          List<?> xs = l(r);
          var out = new ArrayList<Object>();
          for (Object o : l(a[0])) {
            long i = (Long) o;
            if (i < 0 || i >= xs.size()) {
              throw SlipException.error("index " + i + " is out of bounds for a list of size " + xs.size());
            }
            out.add(xs.get((int) i));
          }
          return Colls.list(out);
        });
    d.method("List<T>", "takeWhile").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The leading elements that match `predicate`.")
        .impl((cx, r, a) -> {
          int i = 0;
          while (i < l(r).size() && Fns.test(cx, a[0], l(r).get(i))) {
            i++;
          }
          return slice(l(r), 0, i);
        });
    d.method("List<T>", "dropWhile").param("predicate", "(T) -> Bool").returns("List<T>")
        .doc("The elements after the leading ones that match `predicate`.")
        .impl((cx, r, a) -> {
          int i = 0;
          while (i < l(r).size() && Fns.test(cx, a[0], l(r).get(i))) {
            i++;
          }
          return slice(l(r), i, l(r).size());
        });
    d.method("List<T>", "chunked").param("size", "Int").returns("List<List<T>>")
        .doc("The elements in lists of `size`; the last may be shorter.")
        .impl((cx, r, a) -> windowed(l(r), positive(a[0], "size"), positive(a[0], "size"), true));
    d.method("List<T>", "windowed").param("size", "Int").param("step", "Int", 1L, "1")
        .param("partialWindows", "Bool", false, "false").returns("List<List<T>>")
        .doc("Sliding windows of `size` elements, `step` apart; shorter windows at the end only with `partialWindows`.")
        .impl((cx, r, a) -> windowed(l(r), positive(a[0], "size"), positive(a[1], "step"), (Boolean) a[2]));
  }

  /** {@code xs[from, to)} with both bounds clamped into the list. */
  private static List<Object> slice(List<Object> xs, int from, int to) {
    int f = Math.max(0, Math.min(from, xs.size()));
    int t = Math.max(f, Math.min(to, xs.size()));
    return Colls.listOf(xs.subList(f, t));
  }

  private static List<Object> windowed(List<Object> xs, int size, int step, boolean partial) {
    var out = new ArrayList<Object>();
    for (int i = 0; i < xs.size(); i += step) {
      if (i + size > xs.size() && !partial) {
        break;
      }
      out.add(slice(xs, i, i + size));
    }
    return Colls.list(out);
  }

  private static int positive(Object o, String what) {
    int n = Colls.index(o);
    if (n <= 0) {
      throw SlipException.error(what + " must be positive, was " + n);
    }
    return n;
  }
}
