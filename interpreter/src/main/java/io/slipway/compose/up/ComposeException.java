package io.slipway.compose.up;

/**
 * A compose operation that could not be done for a reason the user can act on (an unknown
 * service, an unhealthy dependency, a missing external network). Engine failures stay
 * {@link io.slipway.engine.EngineException}s.
 */
public final class ComposeException extends RuntimeException {
  public ComposeException(String message) {
    super(message, null, false, false);
  }
}
