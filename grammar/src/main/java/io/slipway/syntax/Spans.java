package io.slipway.syntax;

import io.slipway.source.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Converts ANTLR positions to {@link Span}s. ANTLR's {@code CharStream} counts code points, Java
 * strings (and so {@code Span}) count UTF-16 units; the two differ after any character outside
 * the Basic Multilingual Plane (an emoji). The table is built once per file, and only when the
 * text holds such a character.
 */
final class Spans {
  private final int length;
  private final int[] codePointToUtf16;

  Spans(String text) {
    this.length = text.length();
    this.codePointToUtf16 = hasSurrogates(text) ? table(text) : null;
  }

  private static boolean hasSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int[] table(String text) {
    int[] map = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); ) {
      map[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    map[cp] = text.length();
    return map;
  }

  /** The UTF-16 offset of a code point index. */
  int offset(int codePoint) {
    if (codePoint < 0) {
      return 0;
    }
    if (codePointToUtf16 == null) {
      return Math.min(codePoint, length);
    }
    return codePointToUtf16[Math.min(codePoint, codePointToUtf16.length - 1)];
  }

  Span of(Token t) {
    if (t == null) {
      return Span.NONE;
    }
    int start = offset(t.getStartIndex());
    if (t.getType() == Token.EOF) {
      return new Span(start, start);
    }
    return new Span(start, Math.max(start, offset(t.getStopIndex() + 1)));
  }

  Span of(TerminalNode n) {
    return n == null ? Span.NONE : of(n.getSymbol());
  }

  /** From the first to the last token of a rule; an empty rule gets an empty span at its start. */
  Span of(ParserRuleContext ctx) {
    if (ctx == null) {
      return Span.NONE;
    }
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    Span s = of(start);
    if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
      return new Span(s.start(), s.start());
    }
    return s.join(of(stop));
  }

  /** From the start of {@code first} to the end of {@code last}. */
  Span between(Span first, Span last) {
    return new Span(first.start(), Math.max(first.start(), last.end()));
  }
}
