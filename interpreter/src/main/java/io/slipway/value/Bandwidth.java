package io.slipway.value;

/** A rate in bits per second: {@code 50.kbit}, {@code 8.mbit}, {@code 1.gbit}. */
public record Bandwidth(long bitsPerSecond) implements Comparable<Bandwidth> {
  @Override
  public String toString() {
    if (bitsPerSecond >= 1_000_000_000L && bitsPerSecond % 1_000_000_000L == 0) {
      return bitsPerSecond / 1_000_000_000L + "gbit";
    }
    if (bitsPerSecond >= 1_000_000L && bitsPerSecond % 1_000_000L == 0) {
      return bitsPerSecond / 1_000_000L + "mbit";
    }
    if (bitsPerSecond >= 1_000L && bitsPerSecond % 1_000L == 0) {
      return bitsPerSecond / 1_000L + "kbit";
    }
    return bitsPerSecond + "bit";
  }

  @Override
  public int compareTo(Bandwidth o) {
    return Long.compare(bitsPerSecond, o.bitsPerSecond);
  }
}
