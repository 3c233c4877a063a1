package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Strings.s;

import io.slipway.builtin.Declarations;
import io.slipway.value.SlipException;

/** Parts of strings: ends, prefixes, padding, indentation. */
final class StringParts {
  private StringParts() {}

  static void declare(Declarations d) {
    d.method("String", "first").returns("Char").doc("The first character; an empty string is an error.")
        .impl((cx, r, a) -> {
          if (s(r).isEmpty()) {
            throw SlipException.error("string is empty");
          }
          return s(r).charAt(0);
        });
    d.method("String", "last").returns("Char").doc("The last character; an empty string is an error.")
        .impl((cx, r, a) -> {
          if (s(r).isEmpty()) {
            throw SlipException.error("string is empty");
          }
          return s(r).charAt(s(r).length() - 1);
        });
    d.method("String", "take").param("n", "Int").returns("String").doc("The first `n` characters (or all).")
        .impl((cx, r, a) -> s(r).substring(0, Math.min(s(r).length(), Colls.count(a[0], "n"))));
    d.method("String", "drop").param("n", "Int").returns("String").doc("Without the first `n` characters.")
        .impl((cx, r, a) -> s(r).substring(Math.min(s(r).length(), Colls.count(a[0], "n"))));
    d.method("String", "takeLast").param("n", "Int").returns("String").doc("The last `n` characters (or all).")
        .impl((cx, r, a) -> s(r).substring(Math.max(0, s(r).length() - Colls.count(a[0], "n"))));
    d.method("String", "dropLast").param("n", "Int").returns("String").doc("Without the last `n` characters.")
        .impl((cx, r, a) -> s(r).substring(0, Math.max(0, s(r).length() - Colls.count(a[0], "n"))));
    d.method("String", "substringBefore").param("delimiter", "String")
        .param("missingDelimiterValue", "String?", null, "this").returns("String")
        .doc("The part before the first `delimiter`; the whole string (or `missingDelimiterValue`) when there is none.")
        .impl((cx, r, a) -> {
          int i = s(r).indexOf(s(a[0]));
          return i < 0 ? missing(r, a[1]) : s(r).substring(0, i);
        });
    d.method("String", "substringAfter").param("delimiter", "String")
        .param("missingDelimiterValue", "String?", null, "this").returns("String")
        .doc("The part after the first `delimiter`; the whole string (or `missingDelimiterValue`) when there is none.")
        .impl((cx, r, a) -> {
          int i = s(r).indexOf(s(a[0]));
          return i < 0 ? missing(r, a[1]) : s(r).substring(i + s(a[0]).length());
        });
    d.method("String", "substringBeforeLast").param("delimiter", "String")
        .param("missingDelimiterValue", "String?", null, "this").returns("String")
        .doc("The part before the last `delimiter`; the whole string (or `missingDelimiterValue`) when there is none.")
        .impl((cx, r, a) -> {
          int i = s(r).lastIndexOf(s(a[0]));
          return i < 0 ? missing(r, a[1]) : s(r).substring(0, i);
        });
    d.method("String", "substringAfterLast").param("delimiter", "String")
        .param("missingDelimiterValue", "String?", null, "this").returns("String")
        .doc("The part after the last `delimiter`; the whole string (or `missingDelimiterValue`) when there is none.")
        .impl((cx, r, a) -> {
          int i = s(r).lastIndexOf(s(a[0]));
          return i < 0 ? missing(r, a[1]) : s(r).substring(i + s(a[0]).length());
        });
    d.method("String", "removePrefix").param("prefix", "String").returns("String")
        .doc("Without `prefix` if the string starts with it.")
        .impl((cx, r, a) -> s(r).startsWith(s(a[0])) ? s(r).substring(s(a[0]).length()) : r);
    d.method("String", "removeSuffix").param("suffix", "String").returns("String")
        .doc("Without `suffix` if the string ends with it.")
        .impl((cx, r, a) -> s(r).endsWith(s(a[0])) ? s(r).substring(0, s(r).length() - s(a[0]).length()) : r);
    d.method("String", "removeSurrounding").param("delimiter", "String").returns("String")
        .doc("Without `delimiter` at both ends, if it is at both ends: `\"'a'\".removeSurrounding(\"'\")` is `a`.")
        .impl((cx, r, a) -> {
          String str = s(r);
          String dl = s(a[0]);
          return str.length() >= 2 * dl.length() && str.startsWith(dl) && str.endsWith(dl)
              ? str.substring(dl.length(), str.length() - dl.length()) : str;
        });
    d.method("String", "padStart").param("length", "Int").param("padChar", "Char | String", ' ', "' '").returns("String")
        .doc("The string preceded by `padChar` up to `length` characters.")
        .impl((cx, r, a) -> pad(s(r), Colls.count(a[0], "length"), Strings.text(a[1]), true));
    d.method("String", "padEnd").param("length", "Int").param("padChar", "Char | String", ' ', "' '").returns("String")
        .doc("The string followed by `padChar` up to `length` characters.")
        .impl((cx, r, a) -> pad(s(r), Colls.count(a[0], "length"), Strings.text(a[1]), false));
    d.method("String", "ifEmpty").param("defaultValue", "() -> String").returns("String")
        .doc("The string, or the block's value when the string is empty.")
        .impl((cx, r, a) -> s(r).isEmpty() ? Fns.call(cx, a[0]) : r);
    d.method("String", "ifBlank").param("defaultValue", "() -> String").returns("String")
        .doc("The string, or the block's value when the string is blank.")
        .impl((cx, r, a) -> s(r).isBlank() ? Fns.call(cx, a[0]) : r);
    d.method("String", "trimIndent").returns("String")
        .doc("Without the common indentation of its lines and without a first and last blank line, as raw strings are.")
        .impl((cx, r, a) -> Indent.trimIndent(s(r)));
    d.method("String", "trimMargin").param("marginPrefix", "String", "|", "\"|\"").returns("String")
        .doc("Each line without leading whitespace followed by `marginPrefix`; a first and last blank line removed.")
        .impl((cx, r, a) -> Indent.trimMargin(s(r), s(a[0])));
  }

  private static Object missing(Object receiver, Object missingValue) {
    return missingValue == null ? receiver : missingValue;
  }

  private static String pad(String s, int length, String padChar, boolean start) {
    if (padChar.length() != 1) {
      throw SlipException.error("padChar must be one character, was \"" + padChar + "\"");
    }
    if (s.length() >= length) {
      return s;
    }
    String pad = padChar.repeat(length - s.length());
    return start ? pad + s : s + pad;
  }
}
