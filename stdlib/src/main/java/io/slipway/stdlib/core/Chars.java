package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;

/**
 * {@code Char} ({@code 'x'}): its code, classification and case, with Kotlin's names. A
 * {@code Char} is one UTF-16 unit; {@code "abc"[0]}, {@code first()} and {@code for (c in s)}
 * give them, {@code 'a'..'z'} is a list of them, and {@code c - 'a'} is an {@code Int}.
 */
public final class Chars implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Strings");
    d.property("Char", "code").type("Int").doc("The UTF-16 code of the character: `'A'.code` is 65.")
        .get((cx, r) -> (long) c(r));
    d.method("Char", "isDigit").returns("Bool").doc("True for a decimal digit (Unicode `Nd`).")
        .impl((cx, r, a) -> Character.isDigit(c(r)));
    d.method("Char", "isLetter").returns("Bool").doc("True for a letter.")
        .impl((cx, r, a) -> Character.isLetter(c(r)));
    d.method("Char", "isLetterOrDigit").returns("Bool").doc("True for a letter or a digit.")
        .impl((cx, r, a) -> Character.isLetterOrDigit(c(r)));
    d.method("Char", "isWhitespace").returns("Bool").doc("True for a space, tab, newline or other whitespace.")
        .impl((cx, r, a) -> Character.isWhitespace(c(r)) || Character.isSpaceChar(c(r)));
    d.method("Char", "isUpperCase").returns("Bool").doc("True for an upper-case letter.")
        .impl((cx, r, a) -> Character.isUpperCase(c(r)));
    d.method("Char", "isLowerCase").returns("Bool").doc("True for a lower-case letter.")
        .impl((cx, r, a) -> Character.isLowerCase(c(r)));
    d.method("Char", "uppercaseChar").returns("Char").doc("The character in upper case.")
        .impl((cx, r, a) -> Character.toUpperCase(c(r)));
    d.method("Char", "lowercaseChar").returns("Char").doc("The character in lower case.")
        .impl((cx, r, a) -> Character.toLowerCase(c(r)));
    d.method("Char", "uppercase").returns("String")
        .doc("The character in upper case, as a string (`'ß'.uppercase()` is `SS`).")
        .impl((cx, r, a) -> String.valueOf(c(r)).toUpperCase(java.util.Locale.ROOT));
    d.method("Char", "lowercase").returns("String").doc("The character in lower case, as a string.")
        .impl((cx, r, a) -> String.valueOf(c(r)).toLowerCase(java.util.Locale.ROOT));
    d.method("Char", "digitToInt").returns("Int")
        .doc("The value of a decimal digit: `'7'.digitToInt()` is 7; any other character is an error.")
        .impl((cx, r, a) -> {
          int v = Character.digit(c(r), 10);
          if (v < 0) {
            throw SlipException.error("Char '" + c(r) + "' is not a decimal digit");
          }
          return (long) v;
        });
    d.method("Char", "digitToIntOrNull").returns("Int?")
        .doc("The value of a decimal digit, or null for any other character.")
        .impl((cx, r, a) -> {
          int v = Character.digit(c(r), 10);
          return v < 0 ? null : (Object) (long) v;
        });
    d.method("Int", "toChar").returns("Char")
        .doc("The character with this UTF-16 code: `65.toChar()` is `'A'`; outside 0..65535 is an error.")
        .impl((cx, r, a) -> {
          long v = (Long) r;
          if (v < Character.MIN_VALUE || v > Character.MAX_VALUE) {
            throw SlipException.error(v + " is not a UTF-16 code (0..65535)");
          }
          return (char) v;
        });
  }

  private static char c(Object o) {
    return (Character) o;
  }
}
