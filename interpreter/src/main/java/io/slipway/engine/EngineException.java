package io.slipway.engine;

/**
 * An engine operation failed: the engine answered with an error (no such image, name already in
 * use, a build step failed) or the connection broke mid-operation. Builtins turn it into a
 * Slipway {@code EngineError} naming the operation.
 */
public class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
