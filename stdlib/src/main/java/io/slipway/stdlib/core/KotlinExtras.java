package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kotlin's string-as-characters and list helpers that a check of `slipway docs` against
 * Kotlin's API found missing: {@code String.count/filter/any/all/none} with a {@code (Char)}
 * predicate, {@code toList()}, {@code chunked(n)}, {@code replaceFirstChar}; {@code List.max()}
 * and {@code min()} (an empty list is an error, as Kotlin's), {@code zipWithNext()}, and
 * {@code single(predicate)} — an overload beside {@code single()}.
 */
public final class KotlinExtras implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Strings");
    d.method("String", "count").param("predicate", "(Char) -> Bool").returns("Int")
        .doc("How many characters satisfy `predicate`: `s.count { it == '/' }`.")
        .impl((cx, r, a) -> (long) chars(r).stream().filter(c -> Fns.test(cx, a[0], c)).count());
    d.method("String", "filter").param("predicate", "(Char) -> Bool").returns("String")
        .doc("The characters that satisfy `predicate`: `tag.filter { it.isLetterOrDigit() }`.")
        .impl((cx, r, a) -> {
          var sb = new StringBuilder();
          chars(r).stream().filter(c -> Fns.test(cx, a[0], c)).forEach(sb::append);
          return sb.toString();
        });
    d.method("String", "any").param("predicate", "(Char) -> Bool").returns("Bool")
        .doc("True when some character satisfies `predicate`.")
        .impl((cx, r, a) -> chars(r).stream().anyMatch(c -> Fns.test(cx, a[0], c)));
    d.method("String", "all").param("predicate", "(Char) -> Bool").returns("Bool")
        .doc("True when every character satisfies `predicate` (also for an empty string).")
        .impl((cx, r, a) -> chars(r).stream().allMatch(c -> Fns.test(cx, a[0], c)));
    d.method("String", "none").param("predicate", "(Char) -> Bool").returns("Bool")
        .doc("True when no character satisfies `predicate`.")
        .impl((cx, r, a) -> chars(r).stream().noneMatch(c -> Fns.test(cx, a[0], c)));
    d.method("String", "toList").returns("List<Char>").doc("The characters, in order.")
        .impl((cx, r, a) -> Colls.list(new ArrayList<>(chars(r))));
    d.method("String", "chunked").param("size", "Int").returns("List<String>")
        .doc("The string in pieces of `size` characters (the last may be shorter): `\"abcde\".chunked(2)`.")
        .impl((cx, r, a) -> {
          long size = (Long) a[0];
          if (size <= 0) {
            throw SlipException.error("size " + size + " must be greater than zero");
          }
          String s = (String) r;
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < s.length(); i += (int) size) {
            out.add(s.substring(i, (int) Math.min(s.length(), i + size)));
          }
          return Colls.list(out);
        });
    d.method("String", "replaceFirstChar").param("transform", "(Char) -> Any").returns("String")
        .doc("The string with its first character replaced by `transform`'s result: `name.replaceFirstChar { it.uppercase() }`.")
        .impl((cx, r, a) -> {
          String s = (String) r;
          return s.isEmpty() ? s : Fns.call(cx, a[0], s.charAt(0)) + s.substring(1);
        });
    d.category("Collections");
    d.method("List<T>", "max").returns("T").doc("The largest element; an empty list is an error.")
        .impl((cx, r, a) -> {
          if (l(r).isEmpty()) {
            throw SlipException.error("list is empty");
          }
          return ListAggregates.extreme(l(r), 1);
        });
    d.method("List<T>", "min").returns("T").doc("The smallest element; an empty list is an error.")
        .impl((cx, r, a) -> {
          if (l(r).isEmpty()) {
            throw SlipException.error("list is empty");
          }
          return ListAggregates.extreme(l(r), -1);
        });
    d.method("List<T>", "zipWithNext").returns("List<Pair<T, T>>")
        .doc("Each element paired with the next: `listOf(1, 4, 9).zipWithNext()` is `[(1, 4), (4, 9)]`.")
        .impl((cx, r, a) -> {
          List<Object> xs = l(r);
          List<Object> out = new ArrayList<>();
          for (int i = 0; i + 1 < xs.size(); i++) {
            out.add(new Pair(xs.get(i), xs.get(i + 1)));
          }
          return Colls.list(out);
        });
    d.method("List<T>", "single").param("predicate", "(T) -> Bool").returns("T")
        .doc("The only element that satisfies `predicate`; none or several is an error.")
        .impl((cx, r, a) -> {
          List<Object> hits = l(r).stream().filter(e -> Fns.test(cx, a[0], e)).toList();
          if (hits.size() != 1) {
            // Kotlin's messages
            throw SlipException.error(hits.isEmpty() ? "Collection contains no element matching the predicate."
                : "Collection contains more than one matching element.");
          }
          return hits.get(0);
        });
  }

  private static List<Character> chars(Object s) {
    String str = (String) s;
    List<Character> out = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      out.add(str.charAt(i));
    }
    return out;
  }
}
