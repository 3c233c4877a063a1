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
 * Columns in the header count code points; carets are placed by display width (a tab is four
 * columns, a CJK or emoji character two, a combining mark none), so they line up under the
 * expression on a terminal whatever the line holds. Run-time errors use the same snippet
 * ({@link #snippet}), so check and run errors look alike.
 *
 * <p>With {@link #masking}, every text taken from a user's files or values (messages, hints,
 * source lines) passes through the redaction first, so a diagnostic never prints a known secret
 * even when the line it shows holds one; the caret is placed on the masked line. A diagnostic
 * whose span touches a secret (a syntax error inside a pasted key) would quote a piece of it:
 * its message becomes the code's title and its hint is dropped.
 */
public final class DiagnosticRenderer {
  /** Longest source line shown whole, in code points. */
  private static final int MAX_SHOWN = 160;
  /** Code points shown before the caret when a long line is cut. */
  private static final int CONTEXT = 60;
  private static final String ELLIPSIS = "\u2026";
  private final boolean color;
  private final Redaction redaction;

  public DiagnosticRenderer(boolean color) {
    this(color, Redaction.NONE);
  }

  private DiagnosticRenderer(boolean color, Redaction redaction) {
    this.color = color;
    this.redaction = redaction;
  }

  /** This renderer with {@code r} applied to every message, hint and source line. */
  public DiagnosticRenderer masking(Redaction r) {
    return new DiagnosticRenderer(color, r == null ? Redaction.NONE : r);
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
    String message = d.message();
    String hint = d.hint();
    if (touchesSecret(f, d.span())) {
      message = d.code().title() + " (details hidden: this part of the source holds a secret)";
      hint = null;
    }
    sb.append(": ").append(redaction.mask(message)).append('\n');
    snippet(sb, f, d.span(), hint == null ? null : redaction.mask(hint));
    for (Label l : d.related()) {
      sb.append(l.file().name()).append(':').append(l.file().line(l.span().start())).append(':')
          .append(l.file().column(l.span().start())).append(": note: ")
          .append(redaction.mask(l.message())).append('\n');
      snippet(sb, l.file(), l.span(), null);
    }
    return sb.toString();
  }

  /**
   * The source line of {@code span} with the span underlined, as under a diagnostic's header
   * (two lines, each ending in a newline; empty for a file without text).
   */
  public String snippet(SourceFile f, Span span) {
    var sb = new StringBuilder();
    if (!f.text().isEmpty()) {
      snippet(sb, f, span, null);
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
    String masked = redaction.mask(text);
    if (!masked.equals(text)) {
      // the caret goes under the same place of the masked line: after the masked prefix
      String before = text.substring(0, text.offsetByCodePoints(0, Math.min(startCol - 1,
          text.codePointCount(0, text.length()))));
      String maskedBefore = redaction.mask(before);
      text = masked;
      int maskedLength = text.codePointCount(0, text.length());
      startCol = Math.min(maskedBefore.codePointCount(0, maskedBefore.length()), maskedLength) + 1;
      width = Math.max(1, Math.min(width, maskedLength - (startCol - 1)));
    }
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
    String carets = "^".repeat(Math.max(1, displayWidth(text, startCol - 1 - from, width)));
    sb.append(color ? "\u001b[1;31m" + carets + "\u001b[0m" : carets);
    if (hint != null) {
      sb.append(' ').append(hint);
    }
    sb.append('\n');
  }

  private boolean touchesSecret(SourceFile f, Span span) {
    if (redaction == Redaction.NONE || f.text().isEmpty()) {
      return false;
    }
    int line = f.line(span.start());
    int lineStart = f.lineStarts()[line - 1];
    String text = f.lineText(line);
    int from = Math.max(0, Math.min(span.start() - lineStart, text.length()));
    int to = Math.max(from + 1, Math.min(span.end() - lineStart, text.length()));
    return redaction.overlapsSecret(text, from, to);
  }

  /** Spaces as wide as the first {@code cols} code points, so carets line up. */
  private static String caretPrefix(String text, int cols) {
    var sb = new StringBuilder();
    int i = 0;
    for (int c = 0; c < cols && i < text.length(); c++) {
      int cp = text.codePointAt(i);
      sb.append(" ".repeat(columns(cp)));
      i += Character.charCount(cp);
    }
    for (int c = text.codePointCount(0, text.length()); c < cols; c++) {
      sb.append(' ');
    }
    return sb.toString();
  }

  /** Display width of {@code count} code points of {@code text} from code point {@code from}. */
  private static int displayWidth(String text, int from, int count) {
    int total = text.codePointCount(0, text.length());
    int start = Math.max(0, Math.min(from, total));
    int i = text.offsetByCodePoints(0, start);
    int w = 0;
    for (int c = 0; c < count && i < text.length(); c++) {
      int cp = text.codePointAt(i);
      w += columns(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** Terminal columns of one code point (the rules of wcwidth, for the ranges that occur). */
  static int columns(int cp) {
    if (cp == '\t') {
      return 4;
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || cp == 0x200B) {
      return 0;
    }
    boolean wide = (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK compatibility
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
        || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
        || (cp >= 0x1FA70 && cp <= 0x1FAFF) // symbols and pictographs extended-A
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    return wide ? 2 : 1;
  }

  private static String expandTabs(String s) {
    return s.replace("\t", "    ");
  }
}
