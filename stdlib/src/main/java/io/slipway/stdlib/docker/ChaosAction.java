package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/** The actions of {@code chaos(..)}: {@code Chaos.KILL} and the others. */
enum ChaosAction implements SlipObject {
  KILL, STOP, PAUSE, RESTART, PARTITION;

  @Override
  public String typeName() {
    return "ChaosAction";
  }

  /** The value of the global {@code Chaos}. */
  enum Actions implements SlipObject {
    INSTANCE;

    @Override
    public String typeName() {
      return "ChaosActions";
    }

    @Override
    public String toString() {
      return "Chaos";
    }
  }
}
