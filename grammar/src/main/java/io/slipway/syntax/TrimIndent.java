package io.slipway.syntax;

import io.slipway.syntax.ast.TemplatePart;
import java.util.ArrayList;
import java.util.List;

/**
 * Kotlin's {@code String.trimIndent()} applied at parse time to the literal text of a raw
 * string: the first and last lines are dropped when blank, and the smallest indentation of the
 * non-blank lines is removed from every line. Interpolations count as non-blank text (they stand
 * in as a placeholder character while the indentation is measured), so
 * <pre>
 *   """
 *       name: $name
 *   """
 * </pre>
 * is {@code "name: " + name}.
 */
final class TrimIndent {
  private static final char HOLE = '\uFFFF';

  private TrimIndent() {}

  static List<TemplatePart> apply(List<TemplatePart> parts) {
    var skeleton = new StringBuilder();
    List<TemplatePart> holes = new ArrayList<>();
    // Text runs between holes: runs.get(i) precedes holes.get(i).
    List<TemplatePart.Text> runs = new ArrayList<>();
    TemplatePart.Text pending = null;
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Text t) {
        skeleton.append(t.text());
        pending = t;
      } else {
        skeleton.append(HOLE);
        runs.add(pending);
        holes.add(p);
        pending = null;
      }
    }
    runs.add(pending);
    String trimmed = trimIndent(skeleton.toString());
    List<TemplatePart> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= holes.size(); i++) {
      int end = i < holes.size() ? trimmed.indexOf(HOLE, start) : trimmed.length();
      if (end < 0) {
        end = trimmed.length();
      }
      String segment = trimmed.substring(start, end);
      if (!segment.isEmpty()) {
        TemplatePart.Text original = runs.get(i);
        var span = original != null ? original.span()
            : i < holes.size() ? holes.get(i).span() : holes.get(i - 1).span();
        out.add(new TemplatePart.Text(span, segment));
      }
      if (i < holes.size()) {
        out.add(holes.get(i));
      }
      start = Math.min(trimmed.length(), end + 1);
    }
    return out;
  }

  /** Kotlin's algorithm, line by line. */
  static String trimIndent(String s) {
    String[] lines = s.split("\r\n|\n|\r", -1);
    int min = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!isBlank(line)) {
        min = Math.min(min, indentWidth(line));
      }
    }
    if (min == Integer.MAX_VALUE) {
      min = 0;
    }
    var out = new StringBuilder();
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if ((i == 0 || i == lines.length - 1) && isBlank(line)) {
        continue;
      }
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(line.length() > min ? line.substring(min) : "");
    }
    return out.toString();
  }

  private static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isWhitespace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int indentWidth(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return line.length();
  }

  private static boolean isWhitespace(char c) {
    return c != HOLE && (Character.isWhitespace(c) || Character.isSpaceChar(c));
  }
}
