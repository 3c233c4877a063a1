package io.slipway.api;

import io.slipway.diag.Diagnostic;
import io.slipway.pipeline.Plan;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The outcome of {@link Slipway#plan}: diagnostics (bad {@code -p} values E0503/E0504, plan-time
 * structure errors such as duplicate stage names built from templates), a run-time error of the
 * top-level code if it failed (rendered), and the plan when all went well.
 *
 * @param mask masks the run's known secrets in the rendered plan (a stage may be named from a
 *     computed value)
 */
public record PlanResult(List<Diagnostic> diagnostics, Plan plan, String error,
    UnaryOperator<String> mask) {
  public PlanResult {
    diagnostics = List.copyOf(diagnostics);
    mask = mask == null ? UnaryOperator.identity() : mask;
  }

  public PlanResult(List<Diagnostic> diagnostics, Plan plan, String error) {
    this(diagnostics, plan, error, null);
  }

  public boolean ok() {
    return diagnostics.isEmpty() && error == null && plan != null;
  }

  /** The plan as text ({@code slipway plan}), secrets masked; empty when there is no plan. */
  public String render() {
    return plan == null ? "" : mask.apply(plan.render());
  }
}
