package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/**
 * A {@code Container}: {@code name} is the user's name (its DNS alias), {@code engineName} the
 * run-scoped name the engine knows, {@code network} the network it was started on (or null).
 */
record ContainerValue(String id, String name, String engineName, String image, String network)
    implements SlipObject {
  @Override
  public String typeName() {
    return "Container";
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public String toString() {
    return "Container(" + name + ")";
  }
}
