package io.slipway.stdlib.docker;

import io.slipway.compose.model.ComposeProject;
import io.slipway.value.SlipObject;

/** A {@code Stack}: a loaded compose project (files merged, variables substituted). */
record StackValue(ComposeProject project) implements SlipObject {
  @Override
  public String typeName() {
    return "Stack";
  }

  @Override
  public String toString() {
    return "Stack(" + project.name() + ")";
  }
}
