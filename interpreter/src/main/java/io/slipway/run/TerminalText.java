package io.slipway.run;

/**
 * What a reader sees of a line of program output: the text a terminal would show, with no
 * control sequence left. Masking matches secrets against this text (a secret split by a colour
 * code, {@code s3c\e[0mr3t}, or rebuilt by a carriage return is whole again), and every view
 * prints it, so no view can show what the masker did not see.
 *
 * <p>Emulated on one line: carriage return (back to column 1), backspace, tab (kept), the
 * cursor moves CUB/CUF/CHA ({@code ESC[nD}, {@code ESC[nC}, {@code ESC[nG}) and erase in line
 * ({@code ESC[K}, {@code 1K}, {@code 2K}); written characters overwrite what is under the
 * cursor. Every other sequence (colours, OSC titles and links, cursor moves to other lines) and
 * every other control character is removed with its payload. The visible text is never longer
 * than the input.
 */
public final class TerminalText {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  private TerminalText() {}

  /** True when {@code s} holds a character that {@link #visible} would interpret or remove. */
  public static boolean hasControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }

  /** The visible text of each line of {@code text}; line breaks ({@code \n}) are kept. */
  public static String visible(String text) {
    if (text == null || !hasControls(text)) {
      return text;
    }
    var out = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      out.append(line(text, start, nl < 0 ? text.length() : nl));
      if (nl < 0) {
        return out.toString();
      }
      out.append('\n');
      start = nl + 1;
    }
  }

  /** The visible text of {@code s[from, to)}, which holds no line break. */
  private static String line(String s, int from, int to) {
    var screen = new StringBuilder(to - from);
    int cursor = 0;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == ESC && i + 1 < to && s.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < to && (s.charAt(end) < 0x40 || s.charAt(end) > 0x7e)) {
          end++; // parameter and intermediate bytes
        }
        if (end >= to) {
          break; // an unfinished sequence: nothing after it is shown
        }
        // the cursor never passes the input read so far, so the visible text is never longer
        cursor = Math.min(i - from, csi(screen, cursor, s.substring(i + 2, end), s.charAt(end)));
        i = end + 1;
      } else if (c == ESC && i + 1 < to && (s.charAt(i + 1) == ']' || s.charAt(i + 1) == 'P'
          || s.charAt(i + 1) == '_' || s.charAt(i + 1) == '^' || s.charAt(i + 1) == 'X')) {
        i = stringEnd(s, i + 2, to); // OSC, DCS, APC, PM, SOS: a payload up to BEL or ST
      } else if (c == ESC) {
        i = Math.min(to, i + 2); // a two-character escape (charset, keypad mode, ...)
      } else if (c == '\r') {
        cursor = 0;
        i++;
      } else if (c == '\b') {
        cursor = Math.max(0, cursor - 1);
        i++;
      } else if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
        i++; // other C0/C1 controls show nothing
      } else {
        cursor = put(screen, cursor, c);
        i++;
      }
    }
    return screen.toString();
  }

  private static int stringEnd(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == BEL) {
        return i + 1;
      }
      if (c == ESC && i + 1 < to && s.charAt(i + 1) == '\\') {
        return i + 2;
      }
    }
    return to;
  }

  private static int put(StringBuilder screen, int cursor, char c) {
    while (screen.length() < cursor) {
      screen.append(' ');
    }
    if (cursor < screen.length()) {
      screen.setCharAt(cursor, c);
    } else {
      screen.append(c);
    }
    return cursor + 1;
  }

  /** Applies one control sequence {@code ESC [ params final}; returns the new cursor. */
  private static int csi(StringBuilder screen, int cursor, String params, char fin) {
    int n = number(params, 1);
    switch (fin) {
      case 'D' -> {
        return Math.max(0, cursor - Math.max(n, 1));
      }
      case 'C' -> {
        return cursor + Math.max(n, 1);
      }
      case 'G' -> {
        return Math.max(0, Math.max(n, 1) - 1);
      }
      case 'K' -> {
        int mode = number(params, 0);
        if (mode == 0 && cursor < screen.length()) {
          screen.setLength(cursor);
        } else if (mode == 1) {
          for (int k = 0; k < Math.min(cursor + 1, screen.length()); k++) {
            screen.setCharAt(k, ' ');
          }
        } else if (mode == 2) {
          screen.setLength(0);
        }
        return cursor;
      }
      default -> {
        return cursor; // colours and moves to other lines change nothing on this line
      }
    }
  }

  /** The first numeric parameter, or {@code dflt} when absent or not a plain number. */
  private static int number(String params, int dflt) {
    int end = 0;
    while (end < params.length() && Character.isDigit(params.charAt(end)) && end < 6) {
      end++;
    }
    return end == 0 ? dflt : Integer.parseInt(params.substring(0, end));
  }
}
