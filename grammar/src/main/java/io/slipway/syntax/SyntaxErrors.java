package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Label;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the syntax diagnostics of one file, from the lexer scan, the parser and the AST
 * builder. One mistake should give one diagnostic, so at most one error is kept per source line:
 * the parser's recovery often trips again on the rest of a broken line, and those follow-on
 * errors only bury the real one. A file with more than {@link #MAX_ERRORS} errors (random bytes)
 * keeps the first ones.
 */
final class SyntaxErrors {
  static final int MAX_ERRORS = 100;

  private final SourceFile file;
  private final List<Diagnostic> all = new ArrayList<>();
  private final Set<Integer> linesWithErrors = new HashSet<>();

  SyntaxErrors(SourceFile file) {
    this.file = file;
  }

  SourceFile file() {
    return file;
  }

  /** Adds an error unless its line already has one; returns the diagnostic kept, or null. */
  Diagnostic add(Code code, Span span, String message, String hint, Label related,
      boolean incomplete) {
    if (all.size() >= MAX_ERRORS || !linesWithErrors.add(file.line(span.start()))) {
      return null;
    }
    Diagnostic d = Diagnostic.error(code, file, span, message);
    if (hint != null) {
      d = d.withHint(hint);
    }
    if (related != null) {
      d = d.withRelated(related);
    }
    if (incomplete) {
      d = d.asIncomplete();
    }
    all.add(d);
    return d;
  }

  Diagnostic add(Code code, Span span, String message) {
    return add(code, span, message, null, null, false);
  }

  Label label(Span span, String message) {
    return new Label(file, span, message);
  }

  /**
   * Adds an error that does not silence its line: an unclosed block is reported at its opening
   * line before parsing, and a real error later on that line must still show.
   */
  void addKeepingLineOpen(Code code, Span span, String message, Label related,
      boolean incomplete) {
    int line = file.line(span.start());
    boolean covered = linesWithErrors.contains(line);
    if (add(code, span, message, null, related, incomplete) != null && !covered) {
      linesWithErrors.remove(line);
    }
  }

  /** No further error on the line of {@code offset} (a second location of one mistake). */
  void coverLine(int offset) {
    linesWithErrors.add(file.line(offset));
  }

  /** Whether the line of {@code offset} already has an error. */
  boolean lineHasError(int offset) {
    return linesWithErrors.contains(file.line(offset));
  }

  /** Whether an error was already reported inside {@code span}. */
  boolean anyWithin(Span span) {
    for (Diagnostic d : all) {
      if (d.span().start() >= span.start() && d.span().start() <= span.end()) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  /** In source order. */
  List<Diagnostic> sorted() {
    var copy = new ArrayList<>(all);
    copy.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start())
        .thenComparing(d -> d.code().id()));
    return copy;
  }
}
