package io.slipway.value;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How values print, in templates, {@code echo}, {@code toString()} and the REPL. Runtime
 * representations: Int is {@code Long}, Double {@code Double}, Bool {@code Boolean}, String
 * {@code String}, null is {@code null}, Unit {@link Unit}, List a {@code java.util.List},
 * Map a {@code java.util.Map} (insertion-ordered), Duration {@code java.time.Duration}, and the
 * records of this package for the rest.
 */
public final class Values {
  private Values() {}

  public static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      return showDouble(d);
    }
    if (v instanceof Duration d) {
      return showDuration(d);
    }
    if (v instanceof List<?> || v instanceof java.util.Set<?>) {
      var j = new StringJoiner(", ", "[", "]");
      var l = (java.util.Collection<?>) v;
      l.forEach(e -> j.add(show(e)));
      return j.toString();
    }
    if (v instanceof Map<?, ?> m) {
      var j = new StringJoiner(", ", "{", "}");
      m.forEach((k, e) -> j.add(show(k) + "=" + show(e)));
      return j.toString();
    }
    return v.toString();
  }

  /** Kotlin's Double printing: {@code 1.0}, {@code 2.5}, {@code 1.0E10}. */
  public static String showDouble(double d) {
    return Double.toString(d);
  }

  /** {@code 1m30s}, {@code 45s}, {@code 150ms}, {@code 2h}, {@code 0s}. */
  public static String showDuration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    var sb = new StringBuilder();
    if (d.isNegative()) {
      sb.append('-');
      d = d.negated();
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (s > 0) {
      sb.append(s).append('s');
    }
    if (ms > 0) {
      sb.append(ms).append("ms");
    }
    if (sb.isEmpty() || sb.toString().equals("-")) {
      sb.append(d.toNanos()).append("ns");
    }
    return sb.toString();
  }
}
