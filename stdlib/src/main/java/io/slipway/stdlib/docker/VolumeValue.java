package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/** A {@code Volume}: the user's name and the run-scoped engine name. */
record VolumeValue(String name, String engineName) implements SlipObject {
  @Override
  public String typeName() {
    return "Volume";
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public String toString() {
    return "Volume(" + name + ")";
  }
}
