package io.slipway.builtin;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;

/**
 * What a builtin implementation may use while it runs: where it was called from, the run's
 * state, and a way to call back into Slipway functions (lambdas passed as arguments). The
 * interpreter provides the implementation; builtins never hold on to it after returning.
 */
public interface CallContext {
  /** The file of the call. */
  SourceFile file();

  /** The span of the call expression, for error messages. */
  Span span();

  /** Calls a Slipway function value (a lambda or a function reference) with arguments. */
  Object invoke(Object function, List<Object> args);

  /** Calls a lambda with a receiver, e.g. a stage body whose receiver is the stage scope. */
  Object invokeWithReceiver(Object function, Object receiver, List<Object> args);

  /**
   * The run-wide state object (engine, output, secrets, build info). Typed as Object here so the
   * builtin SPI stays independent of the run package; implementations expose a typed accessor.
   */
  Object runState();
}
