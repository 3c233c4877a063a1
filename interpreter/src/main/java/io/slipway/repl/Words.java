package io.slipway.repl;

import java.util.ArrayList;
import java.util.List;

/** Splits command arguments on blanks, as a shell does for quoted words ('a b', "a b"). */
final class Words {
  private Words() {}

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
          word.append(s.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          out.add(word.toString());
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else {
          word.append(c);
        }
      }
    }
    if (word != null) {
      out.add(word.toString());
    }
    return out;
  }
}
