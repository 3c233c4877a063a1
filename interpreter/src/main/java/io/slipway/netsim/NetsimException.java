package io.slipway.netsim;

/**
 * A network condition that cannot be applied, measured or removed. The message is for users: it
 * names what failed (the kernel feature missing, the command and its output) and, where one
 * exists, the alternative. Builtins turn it into an {@code EngineError}.
 */
public final class NetsimException extends RuntimeException {
  public NetsimException(String message) {
    super(message);
  }
}
