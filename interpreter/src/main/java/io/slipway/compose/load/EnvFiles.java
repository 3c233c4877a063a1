package io.slipway.compose.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .env} and {@code env_file} files as docker-compose does (python-dotenv):
 * {@code KEY=value} lines, {@code #} comments, an optional {@code export }, single quotes taken
 * literally, double quotes with {@code \n}-style escapes and line breaks, and {@code ${VAR}} /
 * {@code ${VAR:-default}} expanded from earlier lines, then from {@code outside}. A bare
 * {@code KEY} has a null value.
 */
final class EnvFiles {
  private EnvFiles() {}

  /** A line that is neither blank, a comment nor {@code KEY=...}: reported with its number. */
  static final class BadLine extends Exception {
    final int line;

    BadLine(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private static final Pattern KEY = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(=)?");
  private static final Pattern EXPAND = Pattern.compile("\\$\\{([^}:]*)(?::-([^}]*))?}");

  static Map<String, String> parse(String text, Function<String, String> outside) throws BadLine {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int lineStart = i;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '#') {
        i = skipLine(text, i);
        line++;
        continue;
      }
      Matcher k = KEY.matcher(text).region(i, n);
      if (!k.lookingAt()) {
        int end = text.indexOf('\n', lineStart);
        throw new BadLine(line, "expected `KEY=value`, found `"
            + text.substring(lineStart, end < 0 ? n : end).strip() + "`");
      }
      String key = k.group(1);
      i = k.end();
      if (k.group(2) == null) {
        out.put(key, null);
        i = skipLine(text, i);
        line++;
        continue;
      }
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
        char q = text.charAt(i++);
        int startLine = line;
        while (i < n && text.charAt(i) != q) {
          char ch = text.charAt(i);
          if (ch == '\n') {
            line++;
          }
          if (q == '"' && ch == '\\' && i + 1 < n) {
            value.append(escape(text.charAt(++i)));
          } else if (q == '\'' && ch == '\\' && i + 1 < n && text.charAt(i + 1) == '\'') {
            value.append('\'');
            i++;
          } else {
            value.append(ch);
          }
          i++;
        }
        if (i >= n) {
          throw new BadLine(startLine, "unterminated " + (q == '"' ? "double" : "single") + " quote");
        }
        i++;
        String v = q == '"' ? expand(value.toString(), out, outside) : value.toString();
        out.put(key, v);
      } else {
        int end = text.indexOf('\n', i);
        String raw = text.substring(i, end < 0 ? n : end);
        int hash = raw.indexOf(" #");
        if (hash >= 0) {
          raw = raw.substring(0, hash);
        }
        out.put(key, expand(raw.strip(), out, outside));
        i = end < 0 ? n : end;
      }
      i = skipLine(text, i);
      line++;
    }
    return out;
  }

  private static int skipLine(String text, int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl + 1;
  }

  private static char escape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      default -> c;
    };
  }

  private static String expand(String v, Map<String, String> earlier, Function<String, String> outside) {
    Matcher m = EXPAND.matcher(v);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = earlier.containsKey(name) ? earlier.get(name) : outside.apply(name);
      if (value == null || value.isEmpty()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
