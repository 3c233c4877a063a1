package io.slipway.api;

import io.slipway.diag.Diagnostic;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.PlanPreview;
import java.util.List;

/**
 * The outcome of {@link Slipway#plan}: diagnostics (bad {@code -p} values E0503/E0504, plan-time
 * structure errors such as duplicate stage names built from templates), a run-time error of the
 * top-level code if it failed (rendered), and the preview (graph and operations) when all went
 * well, with its text ({@code slipway plan}'s output, every known secret masked).
 */
public record PlanResult(List<Diagnostic> diagnostics, PlanPreview preview, String error,
    String text) {
  public PlanResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty() && error == null && preview != null;
  }

  /** The stage graph, or null when there is none. */
  public Plan plan() {
    return preview == null ? null : preview.plan();
  }

  /** The plan as text ({@code slipway plan}), secrets masked; empty when there is no plan. */
  public String render() {
    return text;
  }
}
