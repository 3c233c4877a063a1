package io.slipway.run;

/**
 * Asks a person to approve a gate ({@code approve("Deploy?")}). The CLI provides a terminal
 * implementation; without one, a run that reaches a gate fails unless approvals are automatic.
 */
@FunctionalInterface
public interface Approver {
  /** True to go on, false to stop the run at this gate. */
  boolean approve(String stage, String message) throws InterruptedException;
}
