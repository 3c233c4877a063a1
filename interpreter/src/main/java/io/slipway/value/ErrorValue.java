package io.slipway.value;

/**
 * A Slipway run-time error value ({@code StepFailed}, {@code Timeout}, {@code AssertionFailed},
 * {@code EngineError}, {@code Error}). {@code type} is the Slipway type name; {@code payload} is
 * the {@link ExecResult} of a {@code StepFailed}, else null.
 */
public record ErrorValue(String type, String message, Object payload) {
  @Override
  public String toString() {
    return type + ": " + message;
  }
}
