package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Strings.s;

import io.slipway.builtin.Declarations;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing numbers and booleans out of strings, and {@code format}. */
final class StringConversions {
  private StringConversions() {}

  /** Kotlin accepts what Java's parsers accept minus hex floats and type suffixes like 1f. */
  private static final Pattern DOUBLE = Pattern.compile("[+-]?(NaN|Infinity|((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?))");

  static void declare(Declarations d) {
    d.method("String", "toInt").returns("Int")
        .doc("The decimal integer the string holds; anything else is an error.")
        .impl((cx, r, a) -> {
          Long v = toLong(s(r));
          if (v == null) {
            throw SlipException.error("invalid number: \"" + s(r) + "\" is not an Int");
          }
          return v;
        });
    d.method("String", "toIntOrNull").returns("Int?").doc("The decimal integer the string holds, or null.")
        .impl((cx, r, a) -> toLong(s(r)));
    d.method("String", "toDouble").returns("Double")
        .doc("The number the string holds; anything else is an error.")
        .impl((cx, r, a) -> {
          Double v = toDouble(s(r));
          if (v == null) {
            throw SlipException.error("invalid number: \"" + s(r) + "\" is not a Double");
          }
          return v;
        });
    d.method("String", "toDoubleOrNull").returns("Double?").doc("The number the string holds, or null.")
        .impl((cx, r, a) -> toDouble(s(r)));
    d.method("String", "toBoolean").returns("Bool")
        .doc("True when the string is `true` in any case, else false.")
        .impl((cx, r, a) -> s(r).equalsIgnoreCase("true"));
    d.method("String", "format").vararg("args", "Any?").returns("String")
        .doc("Java/Kotlin format: `\"%s has %d items, %.1f%%\".format(name, n, x)`. Secrets are refused.")
        .impl((cx, r, a) -> format(s(r), Colls.asList(a[0])));
  }

  static Long toLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Double toDouble(String s) {
    if (!DOUBLE.matcher(s).matches()) {
      return null;
    }
    return Double.parseDouble(s);
  }

  private static String format(String pattern, List<Object> args) {
    var javaArgs = new ArrayList<Object>();
    for (Object o : args) {
      // numbers and booleans keep their type for %d/%f/%b; everything else formats as it prints
      javaArgs.add(o instanceof Number || o instanceof Boolean || o == null ? o : AnyMethods.show(o));
    }
    try {
      return String.format(Locale.ROOT, pattern, javaArgs.toArray());
    } catch (IllegalFormatException e) {
      throw SlipException.error("invalid format \"" + pattern + "\": " + e.getMessage());
    }
  }
}
