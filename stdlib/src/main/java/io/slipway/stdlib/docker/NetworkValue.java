package io.slipway.stdlib.docker;

import io.slipway.engine.EngineTarget;
import io.slipway.value.SlipObject;

/**
 * A {@code Network}: the user's name, the run-scoped engine name, and the engine it was created
 * on (null: the default one).
 */
record NetworkValue(String id, String name, String engineName, EngineTarget engine) implements SlipObject {
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
