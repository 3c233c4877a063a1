package io.slipway.stdlib.core;

import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.Comparator;

/**
 * The natural order of Slipway values, as the comparison operators define it: numbers (Int and
 * Double mixed), strings, Bool, and the comparable value types (Duration, Percent, Bandwidth,
 * ByteSize). {@code null} sorts first, as Kotlin's {@code nullsFirst}.
 */
final class Ordering {
  private Ordering() {}

  static final Comparator<Object> NATURAL = Ordering::compare;

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    throw SlipException.error("cannot compare " + Values.show(a) + " with " + Values.show(b));
  }
}
