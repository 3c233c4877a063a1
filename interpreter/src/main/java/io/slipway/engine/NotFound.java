package io.slipway.engine;

/** The engine has no such image, container, network or volume. */
public final class NotFound extends EngineException {
  public NotFound(String message) {
    super(message);
  }
}
