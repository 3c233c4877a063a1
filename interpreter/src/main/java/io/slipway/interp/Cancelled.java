package io.slipway.interp;

/**
 * Thrown into a running stage when the run is cancelled (SIGINT, a failed sibling, the
 * pipeline timeout). Unlike a {@code SlipException} it cannot be caught by Slipway code; finally
 * blocks and stage cleanup still run.
 */
public class Cancelled extends RuntimeException {
  public Cancelled(String reason) {
    super(reason, null, false, false);
  }
}
