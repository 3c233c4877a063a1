package io.slipway.interp;

import java.util.Map;

/**
 * What the debugger hooks see of the current scope: the visible variables, and the evaluator
 * that can run expressions in it.
 */
public record ScopeView(Env env, Evaluator evaluator) {
  /** Visible variables by name, innermost binding first; empty when there is no scope. */
  public Map<String, Object> variables() {
    return env == null ? Map.of() : env.visible();
  }
}
