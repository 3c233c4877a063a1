package io.slipway.value;

/** {@code a to b}. Prints as Kotlin does: {@code (a, b)}. */
public record Pair(Object first, Object second) {
  @Override
  public String toString() {
    return "(" + Values.show(first) + ", " + Values.show(second) + ")";
  }
}
