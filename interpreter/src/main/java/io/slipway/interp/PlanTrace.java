package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What evaluating a pipeline at plan time finds, for {@code slipway plan}: the operations the
 * run will perform, in order, the statements plan time cannot decide, and failures that will
 * happen whatever the run does. A run attribute while planning; the planner points it at the
 * section being evaluated (the top level and pipeline block, a stage, a post block).
 */
public final class PlanTrace {
  /** More entries than this in one section are summarised (a loop over a long list). */
  static final int MAX_ENTRIES = 200;

  /** One line of a section. */
  public sealed interface Entry {
    /** The file of the source it stands for. */
    SourceFile file();

    /** Where in the file. */
    Span span();

    /** The 1-based line, 0 when unknown. */
    default int line() {
      return file() == null || span() == null ? 0 : file().line(span().start());
    }
  }

  /**
   * A call that the run will make and plan time did not: {@code docker push app:1}.
   *
   * @param depth 0 for a call of the section itself, 1 for a call inside the block of a planned
   *     call (the faults of a {@code link { }}, the steps of a {@code waitUntil { }}), and so on
   */
  public record Operation(SourceFile file, Span span, String text, int depth) implements Entry {
    /** An operation of the section itself. */
    public Operation(SourceFile file, Span span, String text) {
      this(file, span, text, 0);
    }
  }

  /**
   * A statement whose effect plan time cannot know: its condition (or loop, or argument)
   * depends on {@code cause}, computed at run time. What it would do is not shown.
   *
   * @param statement the statement as written, shortened
   * @param cause the call it depends on, as {@code Deferred.Origin#describe}
   */
  public record Undecided(SourceFile file, Span span, String statement, String cause)
      implements Entry {}

  /** The section fails here whatever the run does: the error as a one-line header. */
  public record Failure(SourceFile file, Span span, String error) implements Entry {}

  /** The pipeline block declared stage {@code name} here (orders notes among the stages). */
  public record StageMark(SourceFile file, Span span, String name) implements Entry {}

  /** Entries beyond {@link #MAX_ENTRIES} in a section. */
  public record Omitted(SourceFile file, Span span, int count) implements Entry {}

  /** An undecided entry for {@code what} at {@code span}, naming the call {@code u} depends on. */
  public static Undecided undecided(Undecidable u, SourceFile file, Span span, String what) {
    var cause = u.value().origin();
    return new Undecided(file, span, what,
        cause == null ? "a value computed at run time" : cause.describe());
  }

  private List<Entry> current = new ArrayList<>();
  private int omitted;
  /** How many blocks of planned calls are being run (see {@link #inBlock}). */
  private int depth;
  /** The receivers those blocks were given: a call on one is part of the planned call. */
  private final Set<Object> blockReceivers = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Runs {@code body}, the block of a planned call, with {@code receiver} (null for a block
   * without one): the operations it records are listed under that call, one level deeper.
   */
  void inBlock(Object receiver, Runnable body) {
    synchronized (this) {
      depth++;
      if (receiver != null) {
        blockReceivers.add(receiver);
      }
    }
    try {
      body.run();
    } finally {
      synchronized (this) {
        depth--;
        if (receiver != null) {
          blockReceivers.remove(receiver);
        }
      }
    }
  }

  /** Whether {@code v} is the receiver of a block being run by {@link #inBlock}. */
  synchronized boolean isBlockReceiver(Object v) {
    return v != null && blockReceivers.contains(v);
  }

  /** How deep in blocks of planned calls an operation recorded now is. */
  synchronized int depth() {
    return depth;
  }

  /** Sends what follows to {@code section}; returns the section that was current. */
  public synchronized List<Entry> section(List<Entry> section) {
    flushOmitted();
    List<Entry> old = current;
    current = section;
    return old;
  }

  /** The current section. */
  public synchronized List<Entry> current() {
    return current;
  }

  /** Adds an entry; an undecided statement met again (in a loop) is listed once. */
  public synchronized void add(Entry e) {
    if (e instanceof Undecided u && current.stream().anyMatch(x -> x instanceof Undecided o
        && o.file() == u.file() && o.span().equals(u.span()))) {
      return;
    }
    if (current.size() >= MAX_ENTRIES && !(e instanceof StageMark)) {
      omitted++;
      return;
    }
    current.add(e);
  }

  /** Ends the current section's summary of omitted entries. */
  public synchronized void finish() {
    flushOmitted();
  }

  private void flushOmitted() {
    if (omitted > 0) {
      current.add(new Omitted(null, null, omitted));
      omitted = 0;
    }
  }
}
