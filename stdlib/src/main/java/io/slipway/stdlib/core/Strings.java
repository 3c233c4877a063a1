package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code String} queries and case/whitespace handling with Kotlin's names. Where Kotlin has a
 * {@code Char} overload ({@code split('-')}, {@code contains('x')}), the parameter takes
 * {@code String | Char}.
 */
public final class Strings implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Strings");
    d.property("String", "length").type("Int").doc("The number of UTF-16 characters.")
        .get((cx, r) -> (long) s(r).length());
    d.method("String", "get").param("index", "Int").returns("Char")
        .doc("`s[i]`: the character at `index`.")
        .impl((cx, r, a) -> {
          long i = (Long) a[0];
          Colls.checkIndex(i, s(r).length());
          return s(r).charAt((int) i);
        });
    d.method("String", "isEmpty").returns("Bool").doc("True when the length is 0.")
        .impl((cx, r, a) -> s(r).isEmpty());
    d.method("String", "isNotEmpty").returns("Bool").doc("True when the length is not 0.")
        .impl((cx, r, a) -> !s(r).isEmpty());
    d.method("String", "isBlank").returns("Bool").doc("True when empty or only whitespace.")
        .impl((cx, r, a) -> s(r).isBlank());
    d.method("String", "isNotBlank").returns("Bool").doc("True when some character is not whitespace.")
        .impl((cx, r, a) -> !s(r).isBlank());
    d.method("String", "trim").returns("String").doc("Without leading and trailing whitespace.")
        .impl((cx, r, a) -> s(r).strip());
    d.method("String", "trimStart").returns("String").doc("Without leading whitespace.")
        .impl((cx, r, a) -> s(r).stripLeading());
    d.method("String", "trimEnd").returns("String").doc("Without trailing whitespace.")
        .impl((cx, r, a) -> s(r).stripTrailing());
    d.method("String", "lowercase").returns("String").doc("In lower case (locale-independent).")
        .impl((cx, r, a) -> s(r).toLowerCase(Locale.ROOT));
    d.method("String", "uppercase").returns("String").doc("In upper case (locale-independent).")
        .impl((cx, r, a) -> s(r).toUpperCase(Locale.ROOT));
    d.method("String", "startsWith").param("prefix", "String | Char").param("ignoreCase", "Bool", false, "false")
        .returns("Bool").doc("True when the string begins with `prefix`.")
        .impl((cx, r, a) -> s(r).regionMatches((Boolean) a[1], 0, text(a[0]), 0, text(a[0]).length()));
    d.method("String", "endsWith").param("suffix", "String | Char").param("ignoreCase", "Bool", false, "false")
        .returns("Bool").doc("True when the string ends with `suffix`.")
        .impl((cx, r, a) -> {
          String str = s(r);
          String suffix = text(a[0]);
          int from = str.length() - suffix.length();
          return from >= 0 && str.regionMatches((Boolean) a[1], from, suffix, 0, suffix.length());
        });
    d.method("String", "contains").param("other", "String | Char").param("ignoreCase", "Bool", false, "false")
        .returns("Bool").doc("True when `other` occurs in the string; the same as `other in s`.")
        .impl((cx, r, a) -> indexOf(s(r), text(a[0]), 0, (Boolean) a[1]) >= 0);
    d.method("String", "indexOf").param("other", "String | Char").param("startIndex", "Int", 0L, "0")
        .param("ignoreCase", "Bool", false, "false").returns("Int")
        .doc("The first index of `other` at or after `startIndex`, or -1.")
        .impl((cx, r, a) -> (long) indexOf(s(r), text(a[0]), Colls.index(a[1]), (Boolean) a[2]));
    d.method("String", "lastIndexOf").param("other", "String | Char").returns("Int")
        .doc("The last index of `other`, or -1.")
        .impl((cx, r, a) -> (long) s(r).lastIndexOf(text(a[0])));
    d.method("String", "replace").param("oldValue", "String | Char").param("newValue", "String | Char")
        .param("ignoreCase", "Bool", false, "false").returns("String")
        .doc("Every occurrence of `oldValue` replaced by `newValue` (literal text, not a regex).")
        .impl((cx, r, a) -> replace(s(r), text(a[0]), text(a[1]), (Boolean) a[2]));
    d.method("String", "split").param("delimiter", "String | Char | Regex").param("limit", "Int", 0L, "0")
        .returns("List<String>")
        .doc("The parts between occurrences of `delimiter` (literal text, or matches of a `Regex`), keeping empty parts; at most `limit` parts when `limit` > 0.")
        .impl((cx, r, a) -> a[0] instanceof RegexValue rx
            ? Colls.listOf(java.util.Arrays.asList(rx.pattern().split(s(r), Colls.count(a[1], "limit") == 0 ? -1 : Colls.count(a[1], "limit"))))
            : split(s(r), text(a[0]), Colls.count(a[1], "limit")));
    d.method("String", "lines").returns("List<String>")
        .doc("The lines, split at `\\n`, `\\r\\n` or `\\r`.")
        .impl((cx, r, a) -> Colls.listOf(s(r).lines().toList()));
    d.method("String", "substring").param("startIndex", "Int").param("endIndex", "Int?", null, "length")
        .returns("String").doc("The characters from `startIndex` up to, not including, `endIndex`.")
        .impl((cx, r, a) -> {
          String str = s(r);
          long from = (Long) a[0];
          long to = a[1] == null ? str.length() : (Long) a[1];
          if (from < 0 || to > str.length() || from > to) {
            throw SlipException.error("begin " + from + ", end " + to + ", length " + str.length());
          }
          return str.substring((int) from, (int) to);
        });
    d.method("String", "repeat").param("n", "Int").returns("String").doc("The string `n` times.")
        .impl((cx, r, a) -> s(r).repeat(Colls.count(a[0], "count")));
    d.method("String", "reversed").returns("String").doc("The characters in reverse order.")
        .impl((cx, r, a) -> new StringBuilder(s(r)).reverse().toString());
    d.method("String", "equals").param("other", "String?").param("ignoreCase", "Bool", false, "false")
        .returns("Bool").doc("True when both strings have the same characters, ignoring case when asked.")
        .impl((cx, r, a) -> a[0] != null && ((Boolean) a[1] ? s(r).equalsIgnoreCase(s(a[0])) : s(r).equals(a[0])));
    d.method("String", "compareTo").param("other", "String").param("ignoreCase", "Bool", false, "false")
        .returns("Int").doc("Negative, zero or positive as the string sorts before, with or after `other`.")
        .impl((cx, r, a) -> (long) Integer.signum((Boolean) a[1] ? s(r).compareToIgnoreCase(s(a[0])) : s(r).compareTo(s(a[0]))));
    d.method("String", "matches").param("regex", "String").returns("Bool")
        .doc("True when the whole string matches the regular expression (Java syntax).")
        .impl((cx, r, a) -> regex(s(a[0])).matcher(s(r)).matches());
    StringParts.declare(d);
    StringConversions.declare(d);
  }

  static String s(Object o) {
    return (String) o;
  }

  /** A {@code String | Char} argument as text. */
  static String text(Object o) {
    return o instanceof Character c ? String.valueOf(c) : (String) o;
  }

  static Pattern regex(String re) {
    try {
      return Pattern.compile(re);
    } catch (PatternSyntaxException e) {
      throw SlipException.error("invalid regular expression `" + re + "`: " + e.getDescription());
    }
  }

  static int indexOf(String s, String other, int from, boolean ignoreCase) {
    if (!ignoreCase) {
      return s.indexOf(other, from);
    }
    for (int i = Math.max(0, from); i + other.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, other, 0, other.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String replace(String s, String old, String neu, boolean ignoreCase) {
    if (!ignoreCase) {
      return s.replace(old, neu);
    }
    return Pattern.compile(Pattern.quote(old), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(s).replaceAll(java.util.regex.Matcher.quoteReplacement(neu));
  }

  private static Object split(String s, String delim, int limit) {
    var out = new ArrayList<Object>();
    if (delim.isEmpty()) {
      // Kotlin: "abc".split("") is ["", "a", "b", "c", ""]
      out.add("");
      s.chars().forEach(c -> out.add(String.valueOf((char) c)));
      out.add("");
      return Colls.list(out);
    }
    int from = 0;
    while (limit == 0 || out.size() < limit - 1) {
      int i = s.indexOf(delim, from);
      if (i < 0) {
        break;
      }
      out.add(s.substring(from, i));
      from = i + delim.length();
    }
    out.add(s.substring(from));
    return Colls.list(out);
  }
}
