package io.slipway.pipeline;

import io.slipway.value.SlipObject;

/** The receiver of a stage body at run time: {@code agent}, {@code env}, {@code options}. */
public record StageScope(StageContext context) implements SlipObject {
  @Override
  public String typeName() {
    return "StageScope";
  }

  @Override
  public String toString() {
    return "StageScope(" + context.name() + ")";
  }
}
