package io.slipway.pipeline;

import io.slipway.value.SlipObject;

/**
 * The receiver of a plan-time DSL block: {@code PipelineScope}, {@code ParallelScope},
 * {@code MatrixScope} or {@code PostScope} (the {@code kind}). Stages declared through it join
 * {@code group} (null directly in the pipeline). {@code failFast} is the group's setting; null
 * means "as the pipeline's {@code options(failFast)}", resolved when the plan is finished.
 */
public record PlanScope(String kind, PlanBuilder builder, String group, Boolean failFast)
    implements SlipObject {
  @Override
  public String typeName() {
    return kind;
  }

  @Override
  public String toString() {
    return kind;
  }
}
