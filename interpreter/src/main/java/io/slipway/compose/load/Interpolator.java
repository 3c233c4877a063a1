package io.slipway.compose.load;

import io.slipway.compose.yaml.Pos;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Compose's variable substitution in string values: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset),
 * {@code ${VAR:?message}} and {@code ${VAR?message}} (required), and {@code $$} for a literal
 * {@code $}. Defaults may themselves hold substitutions. Keys are never substituted. An unset
 * variable without a default is an empty string and a warning (once per variable); a required one
 * is an error with its message, located at the {@code $} in the file.
 */
final class Interpolator {
  private final Function<String, String> lookup;
  private final Ctx cx;
  private final Set<String> warned;

  /**
   * @param lookup a variable's value, null when unset
   * @param warned variables already warned about (shared by all files of a project)
   */
  Interpolator(Function<String, String> lookup, Ctx cx, Set<String> warned) {
    this.lookup = lookup;
    this.cx = cx;
    this.warned = warned;
  }

  /** The node with every string scalar below it substituted; null if a substitution failed. */
  YamlNode apply(YamlNode node) {
    return switch (node) {
      case YamlNode.Scalar s -> s.isString() ? scalar(s) : s;
      case YamlNode.Sequence seq -> {
        List<YamlNode> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode i : seq.items()) {
          YamlNode v = apply(i);
          ok &= v != null;
          out.add(v);
        }
        yield ok ? new YamlNode.Sequence(out, seq.pos()) : null;
      }
      case YamlNode.Mapping m -> {
        List<YamlNode.Entry> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode.Entry e : m.entries()) {
          YamlNode v = apply(e.value());
          ok &= v != null;
          out.add(new YamlNode.Entry(e.key(), v));
        }
        yield ok ? new YamlNode.Mapping(out, m.pos()) : null;
      }
    };
  }

  private YamlNode scalar(YamlNode.Scalar s) {
    String text = (String) s.value();
    if (text.indexOf('$') < 0) {
      return s;
    }
    try {
      return new YamlNode.Scalar(substitute(text, 0, text.length(), s), s.pos());
    } catch (Failed f) {
      return null;
    }
  }

  /** Substitutes {@code text[from, to)}. */
  private String substitute(String text, int from, int to, YamlNode.Scalar at) {
    StringBuilder sb = new StringBuilder();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c != '$') {
        sb.append(c);
        i++;
        continue;
      }
      if (i + 1 < to && text.charAt(i + 1) == '$') {
        sb.append('$');
        i += 2;
      } else if (i + 1 < to && text.charAt(i + 1) == '{') {
        int close = closing(text, i + 2, to);
        if (close < 0) {
          throw invalid(text, i, to, at, "`${` is not closed");
        }
        sb.append(braced(text, i, i + 2, close, at));
        i = close + 1;
      } else {
        int end = name(text, i + 1, to);
        if (end == i + 1) {
          throw invalid(text, i, i + 1, at, "`$` must start a variable (`$VAR`, `${VAR}`) or be written `$$`");
        }
        sb.append(value(text.substring(i + 1, end), text, i, end, at));
        i = end;
      }
    }
    return sb.toString();
  }

  /** {@code ${...}} between {@code start} and {@code close} (the {@code }}). */
  private String braced(String text, int dollar, int start, int close, YamlNode.Scalar at) {
    int nameEnd = name(text, start, close);
    String var = text.substring(start, nameEnd);
    if (var.isEmpty()) {
      throw invalid(text, dollar, close + 1, at, "`" + text.substring(dollar, close + 1) + "` names no variable");
    }
    if (nameEnd == close) {
      return value(var, text, dollar, close + 1, at);
    }
    String op = text.startsWith(":-", nameEnd) || text.startsWith(":?", nameEnd) ? text.substring(nameEnd, nameEnd + 2)
        : text.substring(nameEnd, nameEnd + 1);
    if (!List.of(":-", "-", ":?", "?").contains(op)) {
      throw invalid(text, dollar, close + 1, at, "`" + text.substring(dollar, close + 1)
          + "` is not a substitution (use `${VAR}`, `${VAR:-default}` or `${VAR:?message}`)");
    }
    String current = lookup.apply(var);
    boolean useDefault = op.startsWith(":") ? current == null || current.isEmpty() : current == null;
    int restStart = nameEnd + op.length();
    if (!useDefault) {
      return current;
    }
    if (op.endsWith("-")) {
      return substitute(text, restStart, close, at);
    }
    String message = text.substring(restStart, close);
    cx.error(Code.E0706, here(at, text, dollar, close + 1), "required variable `" + var + "` is "
        + (current == null ? "not set" : "empty") + (message.isEmpty() ? "" : ": " + message), null);
    throw new Failed();
  }

  private String value(String var, String text, int from, int to, YamlNode.Scalar at) {
    String v = lookup.apply(var);
    if (v == null) {
      if (warned.add(var)) {
        cx.warn(Code.E0710, here(at, text, from, to), "variable `" + var + "` is not set: an empty string is used",
            "set it in `env`, the environment or `.env`, or write `${" + var + ":-default}`");
      }
      return "";
    }
    return v;
  }

  /** The {@code }} that closes a {@code ${} opened before {@code from}, skipping nested ones. */
  private static int closing(String text, int from, int to) {
    int depth = 1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < to && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int name(String text, int from, int to) {
    int i = from;
    if (i < to && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_') && text.charAt(i) < 128) {
      i++;
      while (i < to && text.charAt(i) < 128 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
    }
    return i;
  }

  private Failed invalid(String text, int from, int to, YamlNode.Scalar at, String why) {
    cx.error(Code.E0707, here(at, text, from, to), "invalid interpolation in `" + text + "`: " + why,
        "write a literal `$` as `$$`");
    return new Failed();
  }

  /**
   * The span of {@code text[from, to)} inside the file when the scalar is written plainly or in
   * quotes without escapes; else the whole scalar.
   */
  private static Pos here(YamlNode.Scalar at, String text, int from, int to) {
    Pos p = at.pos();
    String written = p.file().slice(p.span());
    int offset;
    if (written.equals(text)) {
      offset = p.span().start();
    } else if (written.length() == text.length() + 2 && written.substring(1, written.length() - 1).equals(text)) {
      offset = p.span().start() + 1;
    } else {
      return p;
    }
    return new Pos(p.file(), new Span(offset + from, offset + to));
  }

  /** A substitution failed; the diagnostic was reported. */
  private static final class Failed extends RuntimeException {
    Failed() {
      super(null, null, false, false);
    }
  }
}
