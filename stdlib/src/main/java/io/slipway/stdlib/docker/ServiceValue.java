package io.slipway.stdlib.docker;

import io.slipway.value.SlipObject;

/** A {@code Service} of a stack: a handle on the service's containers. */
record ServiceValue(StackValue stack, String name) implements SlipObject {
  @Override
  public String typeName() {
    return "Service";
  }

  @Override
  public String toString() {
    return "Service(" + stack.project().name() + "/" + name + ")";
  }
}
