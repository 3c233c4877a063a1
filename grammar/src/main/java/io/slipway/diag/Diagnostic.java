package io.slipway.diag;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;

/**
 * One finding of the parser or checker.
 *
 * @param code a stable code from {@link Code}, referred to by tests and docs
 * @param message lowercase, no trailing period, names in backticks
 * @param hint an optional suggestion shown under the caret ("did you mean `30.seconds`?")
 * @param incomplete true when the input merely ended too early (the REPL asks for more lines)
 */
public record Diagnostic(
    Severity severity,
    Code code,
    String message,
    SourceFile file,
    Span span,
    String hint,
    List<Label> related,
    boolean incomplete) {

  public Diagnostic {
    related = List.copyOf(related);
  }

  public static Diagnostic error(Code code, SourceFile file, Span span, String message) {
    return new Diagnostic(Severity.ERROR, code, message, file, span, null, List.of(), false);
  }

  public static Diagnostic warning(Code code, SourceFile file, Span span, String message) {
    return new Diagnostic(Severity.WARNING, code, message, file, span, null, List.of(), false);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, message, file, span, newHint, related, incomplete);
  }

  public Diagnostic withRelated(Label label) {
    var all = new java.util.ArrayList<>(related);
    all.add(label);
    return new Diagnostic(severity, code, message, file, span, hint, all, incomplete);
  }

  public Diagnostic asIncomplete() {
    return new Diagnostic(severity, code, message, file, span, hint, related, true);
  }

  public int line() {
    return file.line(span.start());
  }

  public int column() {
    return file.column(span.start());
  }
}
