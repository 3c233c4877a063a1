package io.slipway.pipeline;

import io.slipway.builtin.PlanException;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;

/** Where the {@code pipeline} step leaves the plan it built (a run attribute). */
public final class PlanHolder {
  private Plan plan;

  public synchronized Plan plan() {
    return plan;
  }

  synchronized void set(Plan p) {
    if (plan != null) {
      throw new PlanException(Diagnostic.error(Code.E0401, p.file(), p.span(),
          "a pipeline file holds exactly one `pipeline`"));
    }
    plan = p;
  }
}
