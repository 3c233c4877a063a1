package io.slipway.value;

/** {@code 20.percent}: a value in 0..100. */
public record Percent(double value) implements Comparable<Percent> {
  @Override
  public String toString() {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
  }

  /** As a probability in 0..1. */
  public double fraction() {
    return value / 100.0;
  }

  @Override
  public int compareTo(Percent o) {
    return Double.compare(value, o.value);
  }
}
