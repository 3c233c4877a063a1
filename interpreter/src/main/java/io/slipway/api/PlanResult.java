package io.slipway.api;

import io.slipway.diag.Diagnostic;
import io.slipway.pipeline.Plan;
import java.util.List;

/**
 * The outcome of {@link Slipway#plan}: diagnostics (bad {@code -p} values E0503/E0504, plan-time
 * structure errors such as duplicate stage names built from templates), a run-time error of the
 * top-level code if it failed (rendered), and the plan when all went well.
 */
public record PlanResult(List<Diagnostic> diagnostics, Plan plan, String error) {
  public PlanResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty() && error == null && plan != null;
  }

  /** The plan as text ({@code slipway plan}); empty when there is no plan. */
  public String render() {
    return plan == null ? "" : plan.render();
  }
}
