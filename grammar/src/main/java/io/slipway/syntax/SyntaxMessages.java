package io.slipway.syntax;

import io.slipway.grammar.SlipLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Turns ANTLR's token sets into the words a user reads: "expected an expression". */
final class SyntaxMessages {
  private static final Set<Integer> KEYWORDS = Set.of(SlipLexer.IMPORT, SlipLexer.PARAM,
      SlipLexer.VAL, SlipLexer.VAR, SlipLexer.FUN, SlipLexer.DATA, SlipLexer.CLASS,
      SlipLexer.RETURN, SlipLexer.IF, SlipLexer.ELSE, SlipLexer.WHEN, SlipLexer.FOR, SlipLexer.IN,
      SlipLexer.WHILE, SlipLexer.DO, SlipLexer.BREAK, SlipLexer.CONTINUE, SlipLexer.TRY,
      SlipLexer.CATCH, SlipLexer.FINALLY, SlipLexer.THROW, SlipLexer.NULL, SlipLexer.TRUE,
      SlipLexer.FALSE, SlipLexer.IS, SlipLexer.AS, SlipLexer.AS_SAFE);

  private SyntaxMessages() {}

  static boolean isKeyword(int type) {
    return KEYWORDS.contains(type);
  }

  /** How the offending token is named in "unexpected ...". */
  static String describe(Token t) {
    if (Brackets.isAddedAtEnd(t)) {
      return "end of file";
    }
    return switch (t.getType()) {
      case Token.EOF -> "end of file";
      case SlipLexer.NL -> "end of line";
      case SlipLexer.QUOTE_OPEN, SlipLexer.TRIPLE_QUOTE_OPEN, SlipLexer.DOLLAR_QUOTE_OPEN,
          SlipLexer.DOLLAR_TRIPLE_QUOTE_OPEN -> "string";
      case SlipLexer.INT_LIT, SlipLexer.DOUBLE_LIT -> "number `" + shorten(t.getText()) + "`";
      default -> "`" + shorten(t.getText()) + "`";
    };
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 24 ? s.substring(0, 21) + "..." : s;
  }

  /**
   * What was expected, in words, or null when the set is too large to be useful (after a
   * complete expression almost any operator may follow).
   */
  static String expected(IntervalSet set, Vocabulary vocabulary, boolean inType) {
    if (set == null || set.isNil()) {
      return null;
    }
    if (set.contains(SlipLexer.IDENT) && set.contains(SlipLexer.INT_LIT)) {
      return "an expression";
    }
    // A name where no operator could go instead: after `val`, `fun`, `.`, `:`.
    if (set.contains(SlipLexer.IDENT) && !set.contains(SlipLexer.ADD)
        && !set.contains(SlipLexer.ASSIGN)) {
      return inType ? "a type" : "a name";
    }
    List<String> names = new ArrayList<>();
    for (int type : set.toList()) {
      if (type == SlipLexer.NL && set.size() > 1) {
        continue;
      }
      names.add(tokenName(type, vocabulary));
    }
    if (names.isEmpty() || names.size() > 4) {
      return null;
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
  }

  static String tokenName(int type, Vocabulary vocabulary) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case SlipLexer.NL -> "a new line";
      case SlipLexer.IDENT -> "a name";
      case SlipLexer.INT_LIT, SlipLexer.DOUBLE_LIT -> "a number";
      case SlipLexer.QUOTE_OPEN, SlipLexer.TRIPLE_QUOTE_OPEN, SlipLexer.DOLLAR_QUOTE_OPEN,
          SlipLexer.DOLLAR_TRIPLE_QUOTE_OPEN -> "a string";
      case SlipLexer.QUOTE_CLOSE -> "`\"`";
      case SlipLexer.TRIPLE_QUOTE_CLOSE -> "`\"\"\"`";
      default -> {
        String literal = vocabulary.getLiteralName(type);
        yield literal != null
            ? "`" + literal.substring(1, literal.length() - 1).replace("\\'", "'") + "`"
            : vocabulary.getDisplayName(type);
      }
    };
  }
}
