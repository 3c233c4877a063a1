package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Kotlin's {@code Regex} and {@code MatchResult}, over {@code java.util.regex} (Java syntax). */
public final class Regexes implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Strings");
    d.type("Regex", "A regular expression in Java syntax: `Regex(\"v(\\\\d+)\")`.", RegexValue.class, "Any");
    d.type("MatchResult", "A match of a `Regex`: `value`, `groupValues` (index 0 is the whole match), `range` start.", MatchValue.class, "Any");
    d.fn("Regex").param("pattern", "String").returns("Regex")
        .doc("Compiles a regular expression; an invalid pattern is an error.")
        .impl((cx, r, a) -> new RegexValue(Strings.regex((String) a[0])));
    d.property("Regex", "pattern").type("String").doc("The pattern text.")
        .get((cx, r) -> re(r).pattern().pattern());
    d.method("Regex", "matches").param("input", "String").returns("Bool")
        .doc("True when the whole `input` matches.")
        .impl((cx, r, a) -> re(r).pattern().matcher((String) a[0]).matches());
    d.method("Regex", "containsMatchIn").param("input", "String").returns("Bool")
        .doc("True when some part of `input` matches.")
        .impl((cx, r, a) -> re(r).pattern().matcher((String) a[0]).find());
    d.method("Regex", "find").param("input", "String").param("startIndex", "Int", 0L, "0").returns("MatchResult?")
        .doc("The first match at or after `startIndex`, or null: `Regex(\"(\\\\d+)\\\\.(\\\\d+)\").find(s)?.groupValues`.")
        .impl((cx, r, a) -> {
          Matcher m = re(r).pattern().matcher((String) a[0]);
          int from = Colls.index(a[1]);
          if (from < 0 || from > ((String) a[0]).length()) {
            throw Colls.outOfBounds(from, ((String) a[0]).length());
          }
          return m.find(from) ? match(m) : null;
        });
    d.method("Regex", "findAll").param("input", "String").returns("List<MatchResult>")
        .doc("Every non-overlapping match, in order.")
        .impl((cx, r, a) -> {
          Matcher m = re(r).pattern().matcher((String) a[0]);
          var out = new ArrayList<Object>();
          while (m.find()) {
            out.add(match(m));
          }
          return Colls.list(out);
        });
    d.method("Regex", "replace").param("input", "String").param("replacement", "String").returns("String")
        .doc("`input` with every match replaced; `$1` in `replacement` is group 1.")
        .impl((cx, r, a) -> {
          try {
            return re(r).pattern().matcher((String) a[0]).replaceAll((String) a[1]);
          } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw io.slipway.value.SlipException.error("invalid replacement \"" + a[1] + "\": " + e.getMessage());
          }
        });
    d.method("Regex", "split").param("input", "String").returns("List<String>")
        .doc("The parts of `input` between matches, keeping empty parts.")
        .impl((cx, r, a) -> Colls.listOf(List.of(re(r).pattern().split((String) a[0], -1))));
    d.property("MatchResult", "value").type("String").doc("The matched text.")
        .get((cx, r) -> ((MatchValue) r).value());
    d.property("MatchResult", "groupValues").type("List<String>")
        .doc("The whole match, then each group's text (`\"\"` for a group that did not match).")
        .get((cx, r) -> ((MatchValue) r).groupValues());
    d.property("MatchResult", "start").type("Int").doc("The index where the match starts.")
        .get((cx, r) -> ((MatchValue) r).start());
  }

  private static RegexValue re(Object o) {
    return (RegexValue) o;
  }

  private static MatchValue match(Matcher m) {
    var groups = new ArrayList<Object>();
    for (int i = 0; i <= m.groupCount(); i++) {
      groups.add(m.group(i) == null ? "" : m.group(i));
    }
    return new MatchValue(m.group(), m.start(), Colls.list(groups));
  }
}
