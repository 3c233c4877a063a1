package io.slipway.interp;

/**
 * Thrown into a stage whose debugger asked to skip it ({@code :skip}): like a cancellation it
 * cannot be caught by Slipway code, and the scheduler records the stage as skipped.
 */
public final class StageSkipped extends Cancelled {
  public StageSkipped(String stage) {
    super("stage `" + stage + "` skipped by the debugger");
  }
}
