package io.slipway.run;

/**
 * Run-wide switches from the command line.
 *
 * @param keep keep containers, networks and volumes for inspection instead of removing them
 * @param approveAll answer every {@code approve(...)} gate with yes
 * @param interactive a terminal is attached on which a gate may ask
 * @param debug show Java stack traces of internal errors
 */
public record RunFlags(boolean keep, boolean approveAll, boolean interactive, boolean debug) {
  public static final RunFlags DEFAULT = new RunFlags(false, false, false, false);
}
