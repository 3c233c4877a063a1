package io.slipway.debug;

import io.slipway.check.StaticScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Program;
import io.slipway.types.Type;
import java.util.Map;

/**
 * One active call of a thread: a stage body, a function, a lambda, or a file's top level, with
 * the statement it is at and the variables it sees (Starlark's {@code Debug.Frame}).
 */
public interface Frame {
  /** {@code stage build}, {@code fun deploy}, {@code lambda} or {@code <top level>}. */
  String callee();

  SourceFile file();

  /** The statement this frame is at (the call site, for an outer frame). */
  Span span();

  /** The 1-based line of {@link #span()}, 0 when unknown. */
  default int line() {
    return file() == null || span() == null ? 0 : file().line(span().start());
  }

  /** Every variable this frame sees, by name, innermost binding first (functions excluded). */
  Map<String, Object> variables();

  /**
   * The checker's static types of {@link #variables()}, by name; a name whose type the checker
   * did not record (code it never saw) is absent.
   */
  Map<String, Type> staticTypes();

  /**
   * The checker's scope at this frame's statement, against which input typed at a breakpoint is
   * checked ({@code new CheckSession(registry, loader, scope)}); null when unknown.
   */
  StaticScope staticScope();

  /**
   * Runs a snippet (parsed and checked by the caller) as if written at this frame's statement:
   * its variables, its stage's agent and cleanup scope. The debugger is disabled for it (no
   * re-entry). Returns the value of the last expression statement (or {@code Unit});
   * declarations stay visible to later calls on the same frame object. Runs on the calling
   * thread; errors are thrown as they would be in the program.
   */
  Object evaluate(Program snippet);
}
