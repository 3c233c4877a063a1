package io.slipway.builtin;

/**
 * What a builtin touches, so that the planner and runner know without running it: a pipeline
 * whose stages call no {@link #DOCKER} builtin never contacts the engine, and
 * {@code slipway plan} runs only the builtins whose every effect {@link #atPlanTime() may run
 * while planning}: the others are listed as planned operations and their results are values
 * computed at run time.
 */
public enum Effect {
  /** Talks to a container engine. */
  DOCKER(false),
  /** Reads files under the pipeline's directory. */
  FILES(true),
  /** Creates, changes or deletes files. */
  WRITES(false),
  /** Runs a command on the host or in an agent container. */
  HOST(false),
  /** Sends HTTP requests. */
  NETWORK(false),
  /** Waits for time to pass (sleep, polling). */
  WAIT(false),
  /** Starts the JavaScript engine (sandboxed: no I/O). */
  JS(true),
  /**
   * The pipeline DSL: builds the stage graph inside the pipeline block (stage, parallel, post)
   * or sets a stage's agent, env and options. Never a step; while planning it runs even with
   * values only the run will know, and shows them as such.
   */
  PLAN(true),
  /** Asks a person (approve). */
  INTERACTIVE(false);

  private final boolean atPlanTime;

  Effect(boolean atPlanTime) {
    this.atPlanTime = atPlanTime;
  }

  /**
   * True when a builtin with this effect may run while planning: it changes nothing outside
   * the process and answers at once. Reading files and sandboxed scripts may; commands,
   * containers, HTTP requests, file writes, waiting and questions may not.
   */
  public boolean atPlanTime() {
    return atPlanTime;
  }
}
