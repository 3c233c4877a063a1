package io.slipway.engine.explain;

import java.util.List;

/** Joins an argument vector into one line a POSIX shell reads back as the same words. */
final class ShellWords {
  private ShellWords() {}

  static String join(List<String> words) {
    var sb = new StringBuilder();
    for (String w : words) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(quote(w));
    }
    return sb.toString();
  }

  /** The word as is when it holds only characters no shell treats specially, else single-quoted. */
  static String quote(String w) {
    if (w.isEmpty()) {
      return "''";
    }
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "_@%+=:,./-".indexOf(c) >= 0;
      if (!plain) {
        return "'" + w.replace("'", "'\\''") + "'";
      }
    }
    return w;
  }
}
