package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.value.Deferred;

/**
 * Raised while planning when control flow depends on a value only the run knows: a condition,
 * a loop's list, a {@code when} subject, or an argument that shapes the stage graph. The
 * innermost statement that can be skipped as a whole catches it ({@link PlanTime#absorb}):
 * what it would do is listed as undecided, naming the call it depends on. Never seen by users.
 */
public final class Undecidable extends RuntimeException {
  private final transient Deferred value;
  private final transient SourceFile file;
  private final transient Span where;

  /**
   * @param value the run-time value decided on
   * @param file the file of the place that needs it
   * @param where the condition, list or argument that needs it
   */
  public Undecidable(Deferred value, SourceFile file, Span where) {
    super(null, null, false, false);
    this.value = value;
    this.file = file;
    this.where = where;
  }

  public Deferred value() {
    return value;
  }

  public SourceFile file() {
    return file;
  }

  public Span where() {
    return where;
  }
}
