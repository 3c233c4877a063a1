package io.slipway.builtin;

/**
 * What a builtin touches, so that the planner and runner know without running it: a pipeline
 * whose stages call no {@link #DOCKER} builtin never contacts the engine.
 */
public enum Effect {
  /** Talks to a container engine. */
  DOCKER,
  /** Reads or writes files under the pipeline's directory. */
  FILES,
  /** Sends HTTP requests. */
  NETWORK,
  /** Starts the JavaScript engine. */
  JS,
  /** Only valid at plan time, inside the pipeline block (stage, parallel, post, ...). */
  PLAN,
  /** Asks a person (approve). */
  INTERACTIVE
}
