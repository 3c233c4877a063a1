package io.slipway.debug;

import io.slipway.value.SlipException;

/**
 * What the evaluator calls as a program runs, as Starlark's {@code eval/Debug.java}: before every
 * statement, before every stage attempt and every step, and when a stage ends. An implementation
 * may block in these calls to pause the thread (a breakpoint, a step); the evaluator keeps the
 * frames and the debugger reads them through the {@link DebugPoint}, never evaluator internals.
 *
 * <p>Calls come from the thread that runs the code (a stage's thread, the top level's thread),
 * several at once when stages run in parallel. Evaluation done through {@link Frame#evaluate}
 * runs with the debugger disabled, so it never re-enters it. Installed on a run with {@code
 * RunOptions.withDebugger(d)} (the CLI and tests) or {@code Interpreter.debugger(d)}. {@link
 * StepController} is the ready-made implementation with breakpoints and stepping.
 */
public interface Debugger {
  /** Does nothing: the evaluator skips building points when this is installed. */
  Debugger NONE = point -> {};

  /** Called before a statement, a stage attempt, a step or a stage end; may block. */
  void before(DebugPoint point);

  /**
   * Called when a statement fails with an error that nothing in the program will handle: not
   * inside a {@code try} body, not in an attempt of {@code retry} or {@code waitUntil} that is
   * followed by another, not in a stage attempt followed by a retry. The failing statement's
   * frames, scope and the stage's containers are still there; the failure continues when this
   * returns. Called once per failure, at the innermost failing statement.
   */
  default void onFailure(DebugPoint point, SlipException error) {}
}
