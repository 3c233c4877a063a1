package io.slipway.debug;

import io.slipway.run.Run;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;

/**
 * Where a thread of the program is when the {@link Debugger} is called. The frames are those of
 * the calling thread at that moment; read them while the debugger holds the thread (inside
 * {@link Debugger#before} or while paused there), since the thread moves on afterwards.
 */
public interface DebugPoint {
  /** What is about to happen. */
  enum Kind {
    /** A stage attempt is about to run its body (frames: the stage's, with its closure scope). */
    STAGE,
    /** A step builtin ({@code sh}, a Docker operation, {@code echo}) is about to be called. */
    STEP,
    /** A statement is about to run. */
    STATEMENT,
    /** A stage attempt's body ended (normally or not); its scope and containers are still there. */
    STAGE_END
  }

  Kind kind();

  /** The stage being run, or null at the top level. */
  String stage();

  /** The attempt number of the stage (1 for the first), 0 at the top level. */
  int attempt();

  /**
   * For {@link Kind#STEP}, the number the step gets in its stage attempt (1 for the first); for
   * the other kinds, the number of steps the attempt has started so far.
   */
  int step();

  /** For a step, its name and first argument ({@code sh make test}); else the stage or "". */
  String description();

  SourceFile file();

  /** The statement, step call or stage declaration. */
  Span span();

  /** The 1-based line of {@link #span()}, 0 when unknown. */
  default int line() {
    return file() == null || span() == null ? 0 : file().line(span().start());
  }

  /** The call frames of this thread, innermost first; empty only at a stage end. */
  List<Frame> frames();

  /** The innermost frame, or null. */
  default Frame top() {
    List<Frame> f = frames();
    return f.isEmpty() ? null : f.get(0);
  }

  /** How many frames are active; stepping over/out compares depths. */
  int depth();

  /** The thread that reached this point. */
  Thread thread();

  /** The run the point belongs to (its clock, its cancellation). */
  Run run();

  /**
   * Asks that the current stage end now as skipped, when the debugger returns control (the REPL's
   * {@code :skip}). Ignored at the top level.
   */
  void skipStage();
}
