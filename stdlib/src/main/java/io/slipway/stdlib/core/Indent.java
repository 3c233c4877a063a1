package io.slipway.stdlib.core;

import java.util.List;
import java.util.stream.Collectors;

/** Kotlin's {@code trimIndent} and {@code trimMargin}. */
final class Indent {
  private Indent() {}

  static String trimIndent(String s) {
    List<String> lines = dropBlankEnds(s.lines().toList(), s);
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(Indent::leadingWhitespace).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
  }

  static String trimMargin(String s, String prefix) {
    if (prefix.isBlank()) {
      throw io.slipway.value.SlipException.error("marginPrefix must not be blank");
    }
    return dropBlankEnds(s.lines().toList(), s).stream().map(l -> {
      int ws = leadingWhitespace(l);
      return l.startsWith(prefix, ws) ? l.substring(ws + prefix.length()) : l;
    }).collect(Collectors.joining("\n"));
  }

  private static List<String> dropBlankEnds(List<String> lines, String original) {
    int from = 0;
    int to = lines.size();
    if (original.endsWith("\n")) {
      // String.lines() drops the empty last line that Kotlin counts (and then removes as blank)
      to = lines.size();
    } else if (to > 0 && lines.get(to - 1).isBlank()) {
      to--;
    }
    if (to > from && lines.get(from).isBlank()) {
      from++;
    }
    return lines.subList(from, Math.max(from, to));
  }

  private static int leadingWhitespace(String l) {
    int i = 0;
    while (i < l.length() && Character.isWhitespace(l.charAt(i))) {
      i++;
    }
    return i;
  }
}
