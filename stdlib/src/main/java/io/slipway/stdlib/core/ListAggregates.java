package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.List;

/** Reducing a list to one value: predicates, counts, sums, extremes, folds, joining. */
final class ListAggregates {
  private ListAggregates() {}

  static void declare(Declarations d) {
    d.method("List<T>", "any").param("predicate", "((T) -> Bool)?", null, "null").returns("Bool")
        .doc("True when some element matches `predicate` (without one: when the list is not empty).")
        .impl((cx, r, a) -> count(cx, l(r), a[0], true) > 0);
    d.method("List<T>", "none").param("predicate", "((T) -> Bool)?", null, "null").returns("Bool")
        .doc("True when no element matches `predicate` (without one: when the list is empty).")
        .impl((cx, r, a) -> count(cx, l(r), a[0], true) == 0);
    d.method("List<T>", "all").param("predicate", "(T) -> Bool").returns("Bool")
        .doc("True when every element matches `predicate` (also for an empty list).")
        .impl((cx, r, a) -> l(r).stream().allMatch(e -> Fns.test(cx, a[0], e)));
    d.method("List<T>", "count").param("predicate", "((T) -> Bool)?", null, "null").returns("Int")
        .doc("The number of elements matching `predicate` (without one: the size).")
        .impl((cx, r, a) -> count(cx, l(r), a[0], false));
    d.method("List<T>", "sum").returns("T")
        .doc("The sum of a list of `Int` (an `Int`, 0 when empty) or `Double` numbers.")
        .impl((cx, r, a) -> sum(l(r)));
    d.method("List<T>", "average").returns("Double")
        .doc("The mean of a list of numbers; NaN when empty.")
        .impl((cx, r, a) -> l(r).stream().mapToDouble(e -> number(e).doubleValue()).average().orElse(Double.NaN));
    d.method("List<T>", "sumOf").typeParams("R").param("selector", "(T) -> R").returns("R")
        .doc("The sum of `selector` over the elements; `selector` returns `Int` or `Double`.")
        .impl((cx, r, a) -> sum(l(r).stream().map(e -> Fns.call(cx, a[0], e)).toList()));
    d.method("List<T>", "maxOrNull").returns("T?").doc("The largest element, or null when empty.")
        .impl((cx, r, a) -> extreme(l(r), 1));
    d.method("List<T>", "minOrNull").returns("T?").doc("The smallest element, or null when empty.")
        .impl((cx, r, a) -> extreme(l(r), -1));
    d.method("List<T>", "maxOf").typeParams("R").param("selector", "(T) -> R").returns("R")
        .doc("The largest value of `selector`; an empty list is an error.")
        .impl((cx, r, a) -> nonEmpty(extreme(l(r).stream().map(e -> Fns.call(cx, a[0], e)).toList(), 1), l(r)));
    d.method("List<T>", "minOf").typeParams("R").param("selector", "(T) -> R").returns("R")
        .doc("The smallest value of `selector`; an empty list is an error.")
        .impl((cx, r, a) -> nonEmpty(extreme(l(r).stream().map(e -> Fns.call(cx, a[0], e)).toList(), -1), l(r)));
    d.method("List<T>", "maxByOrNull").typeParams("R").param("selector", "(T) -> R").returns("T?")
        .doc("The first element with the largest `selector` value, or null when empty.")
        .impl((cx, r, a) -> extremeBy(cx, l(r), a[0], 1));
    d.method("List<T>", "minByOrNull").typeParams("R").param("selector", "(T) -> R").returns("T?")
        .doc("The first element with the smallest `selector` value, or null when empty.")
        .impl((cx, r, a) -> extremeBy(cx, l(r), a[0], -1));
    d.method("List<T>", "fold").typeParams("R").param("initial", "R").param("operation", "(R, T) -> R").returns("R")
        .doc("Combines `initial` with each element from left to right.")
        .impl((cx, r, a) -> {
          Object acc = a[0];
          for (Object e : l(r)) {
            acc = Fns.call(cx, a[1], acc, e);
          }
          return acc;
        });
    d.method("List<T>", "reduce").param("operation", "(T, T) -> T").returns("T")
        .doc("Combines the elements from left to right; an empty list is an error.")
        .impl((cx, r, a) -> {
          if (l(r).isEmpty()) {
            throw SlipException.error("empty list cannot be reduced");
          }
          Object acc = l(r).get(0);
          for (Object e : l(r).subList(1, l(r).size())) {
            acc = Fns.call(cx, a[0], acc, e);
          }
          return acc;
        });
    d.method("List<T>", "joinToString").param("separator", "String", ", ", "\", \"")
        .param("prefix", "String", "", "\"\"").param("postfix", "String", "", "\"\"")
        .param("transform", "((T) -> String)?", null, "null").returns("String")
        .doc("The elements as one string: `listOf(1, 2).joinToString(\"+\", prefix = \"[\")` is `[1+2`.")
        .impl((cx, r, a) -> {
          var sb = new StringBuilder((String) a[1]);
          for (int i = 0; i < l(r).size(); i++) {
            if (i > 0) {
              sb.append((String) a[0]);
            }
            Object e = l(r).get(i);
            sb.append(a[3] == null ? AnyMethods.show(e) : Values.show(Fns.call(cx, a[3], e)));
          }
          return sb.append((String) a[2]).toString();
        });
  }

  private static long count(CallContext cx, List<Object> xs, Object pred, boolean stopAtFirst) {
    if (pred == null) {
      return xs.size();
    }
    long n = 0;
    for (Object e : xs) {
      if (Fns.test(cx, pred, e)) {
        n++;
        if (stopAtFirst) {
          return n;
        }
      }
    }
    return n;
  }

  private static Number number(Object e) {
    if (e instanceof Long || e instanceof Double) {
      return (Number) e;
    }
    throw SlipException.error("expected a number, found " + Values.show(e));
  }

  /** Int sums stay Int (overflow is an error, not a wrap); any Double makes the sum a Double. */
  static Object sum(List<Object> xs) {
    long lsum = 0;
    double dsum = 0;
    boolean dbl = false;
    for (Object e : xs) {
      Number n = number(e);
      if (n instanceof Double x) {
        dbl = true;
        dsum += x;
      } else {
        try {
          lsum = Math.addExact(lsum, n.longValue());
        } catch (ArithmeticException ex) {
          throw SlipException.error("Int overflow in sum");
        }
      }
    }
    return dbl ? (Object) (dsum + lsum) : (Object) lsum;
  }

  static Object extreme(List<Object> xs, int sign) {
    Object best = null;
    boolean first = true;
    for (Object e : xs) {
      if (first || Integer.signum(Ordering.compare(e, best)) == sign) {
        best = e;
        first = false;
      }
    }
    return best;
  }

  static Object extremeBy(CallContext cx, List<Object> xs, Object fn, int sign) {
    Object best = null;
    Object bestKey = null;
    boolean first = true;
    for (Object e : xs) {
      Object k = Fns.call(cx, fn, e);
      if (first || Integer.signum(Ordering.compare(k, bestKey)) == sign) {
        best = e;
        bestKey = k;
        first = false;
      }
    }
    return best;
  }

  private static Object nonEmpty(Object v, List<Object> xs) {
    if (xs.isEmpty()) {
      throw SlipException.error("list is empty");
    }
    return v;
  }
}
