package io.slipway.cli.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small lexer for highlighting typed input: keywords, strings (with their {@code ${...}}
 * templates left as strings), numbers, comments, {@code :commands}, and the rest. It never
 * fails: input being typed is usually incomplete, so an open string or comment simply runs to
 * the end. (The grammar module's lexer is ANTLR's, which must not leave that module.)
 */
final class SlipTokens {
  /** What a stretch of input is. */
  enum Kind { KEYWORD, STRING, NUMBER, COMMENT, COMMAND, NAME, OTHER }

  /** {@code [start, end)} of the input is of {@code kind}. */
  record Token(Kind kind, int start, int end) {}

  static final Set<String> KEYWORDS = Set.of("val", "var", "fun", "if", "else", "when", "for",
      "while", "do", "return", "try", "catch", "finally", "throw", "data", "class", "true", "false",
      "null", "in", "is", "as", "break", "continue", "param", "import", "pipeline", "stage",
      "object", "enum", "sealed", "interface");

  private SlipTokens() {}

  static List<Token> of(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    int lead = 0;
    while (lead < n && Character.isWhitespace(s.charAt(lead))) {
      lead++;
    }
    if (lead < n && s.charAt(lead) == ':') {
      int end = lead + 1;
      while (end < n && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '-')) {
        end++;
      }
      out.add(new Token(Kind.COMMAND, lead, end));
      if (end < n) {
        out.add(new Token(Kind.OTHER, end, n));
      }
      return out;
    }
    while (i < n) {
      char c = s.charAt(i);
      int start = i;
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        i = n;
        out.add(new Token(Kind.COMMENT, start, i));
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int close = s.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        out.add(new Token(Kind.COMMENT, start, i));
      } else if (c == '"') {
        i = stringEnd(s, i);
        out.add(new Token(Kind.STRING, start, i));
      } else if (c == '\'') {
        i++;
        while (i < n && s.charAt(i) != '\'') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(n, i + 1);
        out.add(new Token(Kind.STRING, start, i));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
            || s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, start, i));
      } else if (Character.isJavaIdentifierStart(c)) {
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(KEYWORDS.contains(s.substring(start, i)) ? Kind.KEYWORD : Kind.NAME, start, i));
      } else {
        i++;
        out.add(new Token(Kind.OTHER, start, i));
      }
    }
    return out;
  }

  /** The end of the string starting at {@code i} ({@code "..."} or {@code """..."""}). */
  private static int stringEnd(String s, int i) {
    int n = s.length();
    if (s.startsWith("\"\"\"", i)) {
      int close = s.indexOf("\"\"\"", i + 3);
      return close < 0 ? n : close + 3;
    }
    int j = i + 1;
    while (j < n && s.charAt(j) != '"') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(n, j + 1);
  }
}
