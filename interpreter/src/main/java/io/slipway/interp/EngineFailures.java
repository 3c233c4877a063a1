package io.slipway.interp;

import io.slipway.engine.EngineException;
import io.slipway.engine.EngineUnavailable;
import io.slipway.value.SlipException;

/**
 * How a container-engine failure becomes a Slipway error. Engine failures cross into the
 * interpreter in exactly two places, a builtin call and a builtin property read; both translate
 * here, so an {@link EngineException} thrown anywhere below a builtin (a method, a property that
 * pulls an image on first use, a helper that forgot to wrap its call) reaches the pipeline as a
 * catchable {@code EngineError}, never as an internal error. An engine that cannot be reached
 * becomes the infrastructure variant (exit code 3).
 */
public final class EngineFailures {
  private EngineFailures() {}

  /**
   * The Slipway error for an engine failure; {@code operation} (may be null) is prefixed unless
   * the engine's message already starts with it.
   */
  public static SlipException toError(EngineException e, String operation) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof EngineUnavailable) {
      return SlipException.unavailable(m);
    }
    return SlipException.engine(operation == null || m.startsWith(operation) ? m : operation + ": " + m);
  }
}
