package io.slipway.compose.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string {@code command}/{@code entrypoint} into words as docker-compose does (Python's
 * {@code shlex.split}, POSIX mode): blanks separate words, single quotes are literal, double
 * quotes allow {@code \"}, {@code \\}, {@code \$} and {@code \`}, a backslash outside quotes
 * escapes the next character. The string is not run through a shell.
 */
public final class ShellWords {
  private ShellWords() {}

  /** The words, or null when a quote is not closed. */
  public static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          return null;
        }
        w.append(s, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          char d = s.charAt(i);
          if (d == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
            w.append(s.charAt(i + 1));
            i += 2;
          } else {
            w.append(d);
            i++;
          }
        }
        if (i >= s.length()) {
          return null;
        }
        inWord = true;
        i++;
      } else if (c == '\\' && i + 1 < s.length()) {
        w.append(s.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        w.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
