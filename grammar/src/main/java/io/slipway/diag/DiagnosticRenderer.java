package io.slipway.diag;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;

/**
 * Renders diagnostics as spec §11 shows:
 *
 * <pre>
 * Slipfile:12:17: error[E0203]: type mismatch: expected Duration, found Int
 *    12 |     timeout(30) { sh("make") }
 *       |             ^^ did you mean `30.seconds`?
 * </pre>
 *
 * Columns and carets count code points, so a line holding an emoji still lines up.
 */
public final class DiagnosticRenderer {
  /** Longest source line shown whole, in code points. */
  private static final int MAX_SHOWN = 160;
  /** Code points shown before the caret when a long line is cut. */
  private static final int CONTEXT = 60;
  private static final String ELLIPSIS = "\u2026";
  private final boolean color;

  public DiagnosticRenderer(boolean color) {
    this.color = color;
  }

  public String render(List<Diagnostic> diagnostics) {
    var sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      sb.append(render(d));
    }
    return sb.toString();
  }

  public String render(Diagnostic d) {
    var sb = new StringBuilder();
    SourceFile f = d.file();
    sb.append(f.name()).append(':').append(d.line()).append(':').append(d.column()).append(": ");
    String sev = d.severity().label() + "[" + d.code().id() + "]";
    sb.append(color ? (d.severity() == Severity.ERROR ? "\u001b[1;31m" : "\u001b[1;33m") + sev + "\u001b[0m" : sev);
    sb.append(": ").append(d.message()).append('\n');
    snippet(sb, f, d.span(), d.hint());
    for (Label l : d.related()) {
      sb.append(l.file().name()).append(':').append(l.file().line(l.span().start())).append(':')
          .append(l.file().column(l.span().start())).append(": note: ").append(l.message()).append('\n');
      snippet(sb, l.file(), l.span(), null);
    }
    return sb.toString();
  }

  private void snippet(StringBuilder sb, SourceFile f, Span span, String hint) {
    if (f.text().isEmpty()) {
      if (hint != null) {
        sb.append("      = ").append(hint).append('\n');
      }
      return;
    }
    int line = f.line(span.start());
    String text = f.lineText(line);
    String gutter = String.format("%5d", line);
    String blank = " ".repeat(gutter.length());
    int startCol = f.column(span.start());
    int lineEndOffset = f.lineStarts()[line - 1] + text.length();
    int endOffset = Math.min(Math.max(span.end(), span.start()), lineEndOffset);
    int endCol = f.column(endOffset);
    int width = Math.max(1, endCol - startCol);
    // a minified or generated line is shown as a window around the caret, not whole
    int length = text.codePointCount(0, text.length());
    int from = 0;
    if (length > MAX_SHOWN) {
      from = Math.max(0, Math.min(startCol - 1 - CONTEXT, length - MAX_SHOWN));
      int to = Math.min(length, from + MAX_SHOWN);
      String window = text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
      text = (from > 0 ? ELLIPSIS : "") + window + (to < length ? ELLIPSIS : "");
      from -= from > 0 ? 1 : 0;
      width = Math.min(width, to - (startCol - 1));
    }
    sb.append(gutter).append(" | ").append(expandTabs(text)).append('\n');
    String prefix = text.isEmpty() ? "" : caretPrefix(text, startCol - 1 - from);
    sb.append(blank).append(" | ").append(prefix);
    String carets = "^".repeat(width);
    sb.append(color ? "\u001b[1;31m" + carets + "\u001b[0m" : carets);
    if (hint != null) {
      sb.append(' ').append(hint);
    }
    sb.append('\n');
  }

  /** Spaces under the first {@code cols} code points, keeping tabs so carets line up. */
  private static String caretPrefix(String text, int cols) {
    var sb = new StringBuilder();
    int i = 0;
    for (int c = 0; c < cols && i < text.length(); c++) {
      int cp = text.codePointAt(i);
      sb.append(cp == '\t' ? "    " : " ");
      i += Character.charCount(cp);
    }
    for (int c = text.codePointCount(0, text.length()); c < cols; c++) {
      sb.append(' ');
    }
    return sb.toString();
  }

  private static String expandTabs(String s) {
    return s.replace("\t", "    ");
  }
}
