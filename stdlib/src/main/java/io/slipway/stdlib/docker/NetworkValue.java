package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/** A {@code Network}: the user's name and the run-scoped engine name. */
record NetworkValue(String id, String name, String engineName) implements SlipObject {
  @Override
  public String typeName() {
    return "Network";
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public String toString() {
    return "Network(" + name + ")";
  }
}
