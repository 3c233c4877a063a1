package io.slipway.interp;

/**
 * Thrown when something reaches the engine, a host command or the network while planning
 * (a backstop behind the declared {@link io.slipway.builtin.Effect effects}): the call is then
 * listed as a planned operation and its result deferred, as for a declared effect.
 */
public final class NotAtPlanTime extends RuntimeException {
  public NotAtPlanTime(String what) {
    super(what + " is not contacted while planning", null, false, false);
  }
}
