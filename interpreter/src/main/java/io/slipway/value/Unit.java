package io.slipway.value;

/** The single value of type {@code Unit}. */
public enum Unit {
  INSTANCE;

  @Override
  public String toString() {
    return "kotlin.Unit".substring(7);
  }
}
