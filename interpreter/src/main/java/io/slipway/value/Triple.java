package io.slipway.value;

/** {@code Triple(a, b, c)}. Prints as Kotlin does: {@code (a, b, c)}. */
public record Triple(Object first, Object second, Object third) {
  @Override
  public String toString() {
    return "(" + Values.show(first) + ", " + Values.show(second) + ", " + Values.show(third) + ")";
  }
}
