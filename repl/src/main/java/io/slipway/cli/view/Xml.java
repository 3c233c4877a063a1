package io.slipway.cli.view;

/** Escaping for XML and HTML text and attributes. */
final class Xml {
  private Xml() {}

  /**
   * Escapes markup characters and drops what XML 1.0 forbids (control characters such as the
   * ESC of ANSI colour codes that tools print), so any log line yields a well-formed document.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Removes ANSI escape sequences (colours, cursor moves) from a line of tool output. */
  static String stripAnsi(String s) {
    return s == null ? "" : s.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "");
  }
}
