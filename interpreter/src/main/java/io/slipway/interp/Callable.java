package io.slipway.interp;

import io.slipway.source.Span;
import java.util.List;
import java.util.Map;

/** A Slipway function value: a lambda, a user function, or a data class constructor. */
public interface Callable {
  /** How the function is named in error messages. */
  String describe();

  /**
   * Calls the function. {@code named} maps parameter names to values (empty for lambdas);
   * {@code receiver} is the implicit receiver for a lambda with receiver, else null.
   */
  Object call(Evaluator ev, Object receiver, List<Object> positional, Map<String, Object> named,
      Span callSite);
}
