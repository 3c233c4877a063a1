package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;

/** The value of the name {@code Int} in expressions: {@code Int.MAX_VALUE}, {@code Int.MIN_VALUE}. */
enum IntLimits implements SlipObject {
  INSTANCE;

  @Override
  public String typeName() {
    return "IntCompanion";
  }

  @Override
  public String toString() {
    return "Int";
  }
}
