package io.slipway.compose.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's durations ({@code 1m30s}, Go's syntax) and byte sizes ({@code 512m}, {@code 1gb}). */
public final class Units {
  private Units() {}

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h)");

  /** A duration as Go's {@code time.ParseDuration} reads it; null when it is not one. */
  public static Duration duration(String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    Matcher m = PART.matcher(t);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (m.find() && m.start() == at) {
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "\u00b5s" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
      at = m.end();
    }
    if (at != t.length() || at == 0) {
      return null;
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return negative ? d.negated() : d;
  }

  /**
   * A duration written as docker-compose writes it: the largest unit that divides it exactly,
   * counting up from nanoseconds (90 s is {@code 90s}, 60 s is {@code 1m}).
   */
  public static String format(Duration d) {
    long value = d.toNanos();
    String unit = "ns";
    long[] factors = {1000, 1000, 1000, 60, 60};
    String[] units = {"us", "ms", "s", "m", "h"};
    for (int i = 0; i < factors.length && value != 0 && value % factors[i] == 0; i++) {
      value /= factors[i];
      unit = units[i];
    }
    return value + unit;
  }

  private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b?)");

  /** A byte size ({@code 512m}, {@code 1gb}, {@code 100}); null when it is not one. */
  public static Long bytes(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    Matcher m = BYTES.matcher(String.valueOf(value).strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    int power = m.group(2).isEmpty() ? 0 : "kmgtp".indexOf(m.group(2)) + 1;
    BigDecimal n = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
    return n.longValue();
  }
}
