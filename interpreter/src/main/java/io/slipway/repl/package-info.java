/**
 * The REPL without a terminal, as Pkl's {@code ReplServer}: a {@link
 * io.slipway.repl.ReplSession} takes sealed {@link io.slipway.repl.ReplRequest}s and answers
 * sealed {@link io.slipway.repl.ReplResponse}s; program output goes to the event sink it was
 * built with. The jline client and script mode ({@code slipway repl} in the CLI) are loops over
 * it; no terminal type appears here.
 *
 * <ul>
 *   <li>Input outside a paused run is checked by a {@code CheckSession} and run by an
 *       interpreter of the session's own ({@code Scratch}), whose globals persist; while a run
 *       is paused it is checked against the paused frame's static scope and evaluated in that
 *       frame, never re-entering the debugger.
 *   <li>Runs ({@code Pipeline}, {@code ActiveRun}) use the debugger API ({@code StepController})
 *       and stay after they end, containers included, until the next run, a reset or quit;
 *       {@code :rerun} and {@code :reload} schedule stages again in the same run.
 *   <li>Container commands find containers by the run labels and show the Slipfile's names.
 * </ul>
 */
package io.slipway.repl;
