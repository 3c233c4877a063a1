package io.slipway.pipeline;

import io.slipway.interp.ScopeView;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/**
 * Called by the interpreter before every stage and every step, with where it is and the scope
 * it runs in. A debugger (the REPL) pauses here; the default does nothing.
 */
public interface RunHooks {
  RunHooks NONE = new RunHooks() {};

  default void beforeStage(String stage, SourceFile file, Span span, ScopeView scope) {}

  default void beforeStep(String stage, SourceFile file, Span span, ScopeView scope) {}
}
