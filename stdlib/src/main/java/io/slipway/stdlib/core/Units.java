package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Bandwidth;
import io.slipway.value.ByteSize;
import io.slipway.value.Percent;
import io.slipway.value.SlipException;
import java.time.Duration;

/**
 * Unit literals ({@code 30.seconds}, {@code 20.percent}, {@code 8.mbit}, {@code 64.mb}) are
 * properties of numbers; the arithmetic and comparison operators on the results are the
 * interpreter's.
 */
public final class Units implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Units");
    durations(d, "Int");
    durations(d, "Double");
    d.property("Int", "percent").type("Percent").doc("`20.percent`; must be in 0..100.")
        .get((cx, r) -> percent(((Long) r).doubleValue(), r.toString()));
    d.property("Double", "percent").type("Percent").doc("`12.5.percent`; must be in 0..100.")
        .get((cx, r) -> percent((Double) r, io.slipway.value.Values.showDouble((Double) r)));
    d.property("Int", "kbit").type("Bandwidth").doc("Kilobits (1000 bits) per second.")
        .get((cx, r) -> new Bandwidth(scale(r, 1_000L, "kbit")));
    d.property("Int", "mbit").type("Bandwidth").doc("Megabits (10^6 bits) per second.")
        .get((cx, r) -> new Bandwidth(scale(r, 1_000_000L, "mbit")));
    d.property("Int", "gbit").type("Bandwidth").doc("Gigabits (10^9 bits) per second.")
        .get((cx, r) -> new Bandwidth(scale(r, 1_000_000_000L, "gbit")));
    d.property("Int", "kb").type("ByteSize").doc("Kibibytes (1024 bytes), as Docker counts.")
        .get((cx, r) -> new ByteSize(scale(r, 1L << 10, "kb")));
    d.property("Int", "mb").type("ByteSize").doc("Mebibytes (1024 kb).")
        .get((cx, r) -> new ByteSize(scale(r, 1L << 20, "mb")));
    d.property("Int", "gb").type("ByteSize").doc("Gibibytes (1024 mb).")
        .get((cx, r) -> new ByteSize(scale(r, 1L << 30, "gb")));

    d.property("Duration", "inWholeMilliseconds").type("Int").doc("The duration in whole milliseconds.")
        .get((cx, r) -> ((Duration) r).toMillis());
    d.property("Duration", "inWholeSeconds").type("Int").doc("The duration in whole seconds, rounded towards zero.")
        .get((cx, r) -> ((Duration) r).toSeconds());
    d.property("Duration", "inWholeMinutes").type("Int").doc("The duration in whole minutes, rounded towards zero.")
        .get((cx, r) -> ((Duration) r).toMinutes());
    d.property("Duration", "inWholeHours").type("Int").doc("The duration in whole hours, rounded towards zero.")
        .get((cx, r) -> ((Duration) r).toHours());
    d.method("Duration", "isNegative").returns("Bool").doc("True when below zero.")
        .impl((cx, r, a) -> ((Duration) r).isNegative());
    d.property("Duration", "absoluteValue").type("Duration").doc("The duration without its sign.")
        .get((cx, r) -> ((Duration) r).abs());
    d.property("Percent", "value").type("Double").doc("The number of percent: 20.0 for `20.percent`.")
        .get((cx, r) -> ((Percent) r).value());
    d.property("Bandwidth", "bitsPerSecond").type("Int").doc("The rate in bits per second.")
        .get((cx, r) -> ((Bandwidth) r).bitsPerSecond());
    d.property("ByteSize", "bytes").type("Int").doc("The size in bytes.")
        .get((cx, r) -> ((ByteSize) r).bytes());
  }

  private static void durations(Declarations d, String owner) {
    unit(d, owner, "ms", 1L, "Milliseconds: `150.ms`.");
    unit(d, owner, "seconds", 1_000L, "Seconds: `30.seconds`.");
    unit(d, owner, "minutes", 60_000L, "Minutes: `5.minutes`.");
    unit(d, owner, "hours", 3_600_000L, "Hours: `2.hours`.");
  }

  private static void unit(Declarations d, String owner, String name, long millis, String doc) {
    d.property(owner, name).type("Duration").doc(doc)
        .get((cx, r) -> duration(r, millis, name));
  }

  /** Doubles keep sub-millisecond precision down to nanoseconds: {@code 1.5.ms} is 1500µs. */
  static Duration duration(Object n, long millis, String unit) {
    if (n instanceof Long l) {
      return Duration.ofMillis(scale(l, millis, unit));
    }
    double nanos = (Double) n * millis * 1_000_000.0;
    if (Double.isNaN(nanos) || Math.abs(nanos) > Long.MAX_VALUE) {
      throw SlipException.error(n + "." + unit + " is not a valid duration");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static long scale(Object n, long factor, String unit) {
    try {
      return Math.multiplyExact((Long) n, factor);
    } catch (ArithmeticException e) {
      throw SlipException.error(n + "." + unit + " is too large");
    }
  }

  static Percent percent(double v, String written) {
    if (!(v >= 0 && v <= 100)) {
      throw SlipException.error("percent must be in 0..100, was " + written);
    }
    return new Percent(v);
  }
}
