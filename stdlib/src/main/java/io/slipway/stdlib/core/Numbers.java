package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;

/** Conversions and arithmetic helpers of {@code Int} and {@code Double}, as in Kotlin. */
public final class Numbers implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Numbers");
    d.method("Int", "toDouble").returns("Double").doc("The same number as a `Double`.")
        .impl((cx, r, a) -> ((Long) r).doubleValue());
    d.method("Int", "toInt").returns("Int").doc("The number itself.").impl((cx, r, a) -> r);
    d.method("Int", "toString").param("radix", "Int", 10L, "10").returns("String")
        .doc("The number in base `radix` (2..36).")
        .impl((cx, r, a) -> Long.toString((Long) r, radix((Long) a[0])));
    d.method("Int", "coerceIn").param("minimumValue", "Int").param("maximumValue", "Int").returns("Int")
        .doc("The number if it is in the range, else the nearest bound.")
        .impl((cx, r, a) -> {
          long lo = (Long) a[0];
          long hi = (Long) a[1];
          if (lo > hi) {
            throw SlipException.error("cannot coerce to an empty range: maximum " + hi + " is less than minimum " + lo);
          }
          return Math.max(lo, Math.min(hi, (Long) r));
        });
    d.method("Int", "coerceAtLeast").param("minimumValue", "Int").returns("Int")
        .doc("The number, or `minimumValue` if it is smaller.")
        .impl((cx, r, a) -> Math.max((Long) r, (Long) a[0]));
    d.method("Int", "coerceAtMost").param("maximumValue", "Int").returns("Int")
        .doc("The number, or `maximumValue` if it is larger.")
        .impl((cx, r, a) -> Math.min((Long) r, (Long) a[0]));
    d.property("Int", "absoluteValue").type("Int").doc("The absolute value.")
        .get((cx, r) -> Math.abs((Long) r));
    d.property("Int", "sign").type("Int").doc("-1, 0 or 1.")
        .get((cx, r) -> (long) Long.signum((Long) r));
    d.category("Collections");
    d.method("Int", "until").param("to", "Int").returns("List<Int>")
        .doc("`1 until 4` is `[1, 2, 3]`: from the number up to, not including, `to`.")
        .impl((cx, r, a) -> Ranges.of((Long) r, (Long) a[0] - 1, 1));
    d.method("Int", "downTo").param("to", "Int").returns("List<Int>")
        .doc("`3 downTo 1` is `[3, 2, 1]`.")
        .impl((cx, r, a) -> Ranges.of((Long) r, (Long) a[0], -1));
    d.method("List<Int>", "step").param("step", "Int").returns("List<Int>")
        .doc("`1..10 step 3` is `[1, 4, 7, 10]`: every `step`-th element, starting with the first.")
        .impl((cx, r, a) -> Ranges.step(Colls.asList(r), (Long) a[0]));
    d.category("Numbers");

    d.method("Double", "toInt").returns("Int").doc("The number rounded towards zero; NaN is 0.")
        .impl((cx, r, a) -> (long) (double) (Double) r);
    d.method("Double", "toDouble").returns("Double").doc("The number itself.").impl((cx, r, a) -> r);
    d.method("Double", "roundToInt").returns("Int")
        .doc("The nearest integer, halves rounded up; NaN is an error.")
        .impl((cx, r, a) -> {
          double v = (Double) r;
          if (Double.isNaN(v)) {
            throw SlipException.error("cannot round NaN to an Int");
          }
          return Math.round(v);
        });
    d.method("Double", "coerceIn").param("minimumValue", "Double").param("maximumValue", "Double").returns("Double")
        .doc("The number if it is in the range, else the nearest bound.")
        .impl((cx, r, a) -> Math.max((Double) a[0], Math.min((Double) a[1], (Double) r)));
    d.method("Double", "coerceAtLeast").param("minimumValue", "Double").returns("Double")
        .doc("The number, or `minimumValue` if it is smaller.")
        .impl((cx, r, a) -> Math.max((Double) r, (Double) a[0]));
    d.method("Double", "coerceAtMost").param("maximumValue", "Double").returns("Double")
        .doc("The number, or `maximumValue` if it is larger.")
        .impl((cx, r, a) -> Math.min((Double) r, (Double) a[0]));
    d.property("Double", "absoluteValue").type("Double").doc("The absolute value.")
        .get((cx, r) -> Math.abs((Double) r));
    d.method("Double", "pow").param("x", "Double").returns("Double").doc("The number raised to the power `x`.")
        .impl((cx, r, a) -> Math.pow((Double) r, (Double) a[0]));
    d.method("Double", "floor").returns("Double").doc("The largest whole number not greater than this.")
        .impl((cx, r, a) -> Math.floor((Double) r));
    d.method("Double", "ceil").returns("Double").doc("The smallest whole number not less than this.")
        .impl((cx, r, a) -> Math.ceil((Double) r));
    d.method("Double", "isNaN").returns("Bool").doc("True for the not-a-number value.")
        .impl((cx, r, a) -> Double.isNaN((Double) r));

    // kotlin.math, without the import: `abs(-3)`, `sqrt(2.0)`
    d.fn("abs").param("x", "Int").returns("Int").doc("The absolute value: `abs(-3)` is `3`.")
        .impl((cx, r, a) -> Math.abs((Long) a[0]));
    d.fn("abs").param("x", "Double").returns("Double").doc("The absolute value: `abs(-1.5)` is `1.5`.")
        .impl((cx, r, a) -> Math.abs((Double) a[0]));
    d.fn("sqrt").param("x", "Double").returns("Double").doc("The square root; `NaN` for a negative number.")
        .impl((cx, r, a) -> Math.sqrt((Double) a[0]));
    d.fn("maxOf").typeParams("T").param("a", "T").param("b", "T").returns("T")
        .doc("The larger of two comparable values (numbers, strings, durations...).")
        .impl((cx, r, a) -> Ordering.compare(a[0], a[1]) >= 0 ? a[0] : a[1]);
    d.fn("minOf").typeParams("T").param("a", "T").param("b", "T").returns("T")
        .doc("The smaller of two comparable values (numbers, strings, durations...).")
        .impl((cx, r, a) -> Ordering.compare(a[0], a[1]) <= 0 ? a[0] : a[1]);
  }

  private static int radix(long r) {
    if (r < Character.MIN_RADIX || r > Character.MAX_RADIX) {
      throw SlipException.error("radix " + r + " is not in 2..36");
    }
    return (int) r;
  }
}
