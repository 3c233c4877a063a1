package io.slipway.netsim;

import java.util.Locale;

/** Formats the quantities of network conditions for commands and tables. */
final class Units {
  private Units() {}

  static String percent(double p) {
    double v = p * 100;
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v)) + "%";
  }

  static String micros(long us) {
    if (us % 1000 == 0) {
      return us / 1000 + "ms";
    }
    return String.format(Locale.ROOT, "%.3fms", us / 1000.0);
  }

  static String bits(long bps) {
    if (bps % 1_000_000 == 0) {
      return bps / 1_000_000 + "mbit";
    }
    if (bps % 1000 == 0) {
      return bps / 1000 + "kbit";
    }
    return bps + "bit";
  }
}
