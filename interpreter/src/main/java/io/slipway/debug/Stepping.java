package io.slipway.debug;

/**
 * How far to run before pausing again, decided by comparing frame depths as Starlark's {@code
 * Debug.Stepping} does.
 */
public enum Stepping {
  /** The next statement, entering calls ({@code :step}). */
  INTO,
  /** The next statement of this frame or an outer one ({@code :next}). */
  OVER,
  /** The next statement of an outer frame ({@code :finish}). */
  OUT
}
