package io.slipway.builtin;

import io.slipway.run.Run;
import io.slipway.run.Session;
import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a builtin implementation may use while it runs: where it was called from, the run and
 * session it belongs to, the innermost cleanup scope (where what it creates is registered),
 * typed services found through the scopes, and a way to call back into Slipway functions
 * (lambdas passed as arguments). The interpreter provides the implementation; builtins never
 * hold on to it after returning.
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

  /** The run this call belongs to (its id, build info, cancellation, clock). */
  Run run();

  /** The session: engine connections, output, secrets, switches. */
  default Session session() {
    return run().session();
  }

  /** The stage attempt being run, or null at the top level and at plan time. */
  StageAttempt attempt();

  /** The current stage's name, or null outside stages. */
  default String stageName() {
    StageAttempt a = attempt();
    return a == null ? null : a.stage();
  }

  /**
   * The innermost cleanup scope: a {@code retry} attempt's, else the stage attempt's, else the
   * run's. A builtin registers the removal of what it creates here, with the lifetime the
   * resource has ({@code start}: the run, {@code service}: the stage).
   */
  ResourceScope scope();

  /**
   * The innermost service of {@code type} (an engine an {@code on(engine)} block provides, the
   * stage's context, the run's Docker session), or null.
   */
  default <T> T service(Class<T> type) {
    return scope().service(type);
  }

  /**
   * Runs {@code body} with {@code inner} (a child of {@link #scope()}) as the innermost scope:
   * lambdas it invokes register their resources there. The caller ends {@code inner}.
   */
  <T> T inScope(ResourceScope inner, Supplier<T> body);

  /**
   * Runs {@code body} whose errors the calling builtin handles itself (an attempt of
   * {@code retry} followed by another, a {@code waitUntil} condition), so that a debugger's
   * on-failure breakpoint does not stop at them.
   */
  <T> T catching(Supplier<T> body);
}
