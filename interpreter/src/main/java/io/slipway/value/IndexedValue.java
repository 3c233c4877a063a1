package io.slipway.value;

/** An element of {@code xs.withIndex()}: {@code (index, value)}, printed as Kotlin does. */
public record IndexedValue(long index, Object value) {
  @Override
  public String toString() {
    return "IndexedValue(index=" + index + ", value=" + Values.show(value) + ")";
  }
}
