package io.slipway.stdlib.docker;

import io.slipway.engine.EngineTarget;
import io.slipway.value.SlipObject;

/**
 * A {@code Volume}: the user's name, the run-scoped engine name, and the engine it was created
 * on (null: the default one).
 */
record VolumeValue(String name, String engineName, EngineTarget engine) implements SlipObject {
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
