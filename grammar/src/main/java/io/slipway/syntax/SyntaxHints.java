package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.grammar.SlipLexer;
import io.slipway.source.Span;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Recognizes common slips behind a syntax error and reports them in their own words: an
 * unclosed bracket (from the lexer's bracket structure, not from where the parser happened to
 * fail), a missing comma before a named argument, `=` for `==`, two statements on one line.
 */
final class SyntaxHints {
  private final SyntaxErrors errors;
  private final Spans spans;
  private final Brackets brackets;

  SyntaxHints(SyntaxErrors errors, Spans spans, Brackets brackets) {
    this.errors = errors;
    this.spans = spans;
    this.brackets = brackets;
  }

  void strayInStatementList(TokenStream tokens, Token t) {
    if (t.getType() == SlipLexer.RCURL && brackets.unclosedBefore(t.getTokenIndex()) == null) {
      errors.add(Code.E0100, spans.of(t), "unexpected `}`: no block is open here");
    } else if (startsStatement(t.getType())) {
      errors.add(Code.E0100, spans.of(t), "unexpected " + SyntaxMessages.describe(t)
          + ": expected the end of the statement", "statements on one line are separated by `;`",
          null, false);
    } else if (wrongCloser(t) && missingCloser(t)) {
      return;
    } else {
      Token before = previous(tokens, t.getTokenIndex());
      boolean argumentWithoutParens = before != null && before.getType() == SlipLexer.IDENT
          && (t.getType() == SlipLexer.QUOTE_OPEN || t.getType() == SlipLexer.INT_LIT
              || t.getType() == SlipLexer.CHAR_LIT || t.getType() == SlipLexer.BAD_CHAR_LIT);
      errors.add(Code.E0100, spans.of(t), "unexpected " + SyntaxMessages.describe(t)
          + ": expected the end of the statement", argumentWithoutParens
              ? "call functions with parentheses: `" + before.getText() + "(...)`"
              : hint(tokens, t), null, false);
    }
  }

  static boolean startsStatement(int type) {
    return type == SlipLexer.VAL || type == SlipLexer.VAR || type == SlipLexer.FUN
        || type == SlipLexer.PARAM || type == SlipLexer.IMPORT || type == SlipLexer.DATA
        || type == SlipLexer.FOR || type == SlipLexer.WHILE || type == SlipLexer.DO
        || type == SlipLexer.IF || type == SlipLexer.WHEN || type == SlipLexer.RETURN
        || type == SlipLexer.IDENT;
  }

  /** A suggestion for common slips, or null. */
  String hint(TokenStream tokens, Token offending) {
    Token opener = brackets.unclosedBefore(offending.getTokenIndex());
    boolean inParens = opener != null && opener.getType() == SlipLexer.LPAREN;
    Token beforeOpener = opener == null ? null : previous(tokens, opener.getTokenIndex());
    return switch (offending.getType()) {
      case SlipLexer.ASSIGN -> !inParens ? null
          : beforeOpener != null && beforeOpener.getType() == SlipLexer.FOR
              ? "loops are written `for (i in 0 until n)`" : "to compare, use `==`";
      case SlipLexer.LSQUARE -> "lists are made with `listOf(1, 2)`";
      case SlipLexer.COLON -> !inParens ? null
          : beforeOpener != null && beforeOpener.getType() == SlipLexer.FOR
              ? "loops are written `for (x in xs)`"
          : afterString(tokens, offending) ? "map entries are written `\"key\" to value`" : null;
      case SlipLexer.QUEST -> "there is no `c ? a : b`; write `if (c) a else b`";
      default -> null;
    };
  }

  private static boolean afterString(TokenStream tokens, Token t) {
    Token before = previous(tokens, t.getTokenIndex());
    return before != null && before.getType() == SlipLexer.QUOTE_CLOSE;
  }

  /** `stage("a" needs = x)`: the `=` of a named argument right after another argument. */
  boolean missingCommaBeforeNamedArgument(Parser recognizer, Token offending) {
    if (offending.getType() != SlipLexer.ASSIGN) {
      return false;
    }
    Token name = previous(recognizer.getInputStream(), offending.getTokenIndex());
    Token before = name == null ? null : previous(recognizer.getInputStream(), name.getTokenIndex());
    Token opener = brackets.unclosedBefore(offending.getTokenIndex());
    if (name == null || name.getType() != SlipLexer.IDENT || before == null
        || before.getType() == SlipLexer.COMMA || before.getType() == SlipLexer.LPAREN
        || opener == null || opener.getType() != SlipLexer.LPAREN) {
      return false;
    }
    errors.add(Code.E0100, spans.of(name), "missing `,` before the named argument `"
        + name.getText() + "`");
    return true;
  }

  static Token previous(TokenStream tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  /**
   * A declaration keyword where an expression goes on usually means a `(` or `[` was left open
   * on an earlier line (newlines do not end statements inside brackets).
   */
  boolean startsDeclaration(Token t) {
    int type = t.getType();
    if (type != SlipLexer.VAL && type != SlipLexer.VAR && type != SlipLexer.FUN
        && type != SlipLexer.PARAM && type != SlipLexer.IMPORT && type != SlipLexer.DATA) {
      return false;
    }
    Token opener = brackets.unclosedBefore(t.getTokenIndex());
    // Only across lines: `when (val x = ...)` on one line is a different mistake.
    return opener != null && opener.getType() != SlipLexer.LCURL
        && opener.getLine() != t.getLine();
  }

  /** A closer that does not match the innermost open bracket: `f(a}`. */
  boolean wrongCloser(Token t) {
    if (!Brackets.isCloser(t.getType())) {
      return false;
    }
    Token opener = brackets.unclosedBefore(t.getTokenIndex());
    return opener != null && Brackets.closerOf(opener.getType()) != t.getType();
  }

  /**
   * Reports "missing `X` to close the Y opened here" at the innermost unclosed opener, if there is
   * one before {@code at}; returns false when nothing is open.
   */
  boolean missingCloser(Token at) {
    Token opener = brackets.unclosedBefore(at.getTokenIndex());
    if (opener == null) {
      return false;
    }
    String closer = opener.getType() == SlipLexer.LPAREN ? ")"
        : opener.getType() == SlipLexer.LSQUARE ? "]" : "}";
    boolean eof = at.getType() == Token.EOF;
    Span here = spans.of(at);
    Diagnostic reported = errors.add(Code.E0102, spans.of(opener),
        "missing `" + closer + "` to close the " + Brackets.what(opener.getType()) + " opened here",
        null,
        errors.label(here, eof ? "the file ends here"
            : "expected `" + closer + "` before " + SyntaxMessages.describe(at)),
        eof);
    if (reported != null) {
      errors.coverLine(here.start());
    }
    return true;
  }

  /** Whether a type is expected: inside a type rule, or right after `:`, `as`, `is`. */
  static boolean typeExpected(Parser recognizer, Token offending) {
    Token before = previous(recognizer.getInputStream(), offending.getTokenIndex());
    return inType(recognizer) || (before != null
        && (before.getType() == SlipLexer.COLON || before.getType() == SlipLexer.AS
        || before.getType() == SlipLexer.AS_SAFE || before.getType() == SlipLexer.IS
        || before.getType() == SlipLexer.NOT_IS));
  }

  static boolean inType(Parser recognizer) {
    for (ParserRuleContext c = recognizer.getContext(); c != null; c = c.getParent()) {
      if (c.getRuleIndex() == io.slipway.grammar.SlipParser.RULE_type
          || c.getRuleIndex() == io.slipway.grammar.SlipParser.RULE_simpleUserType) {
        return true;
      }
      if (c.getRuleIndex() == io.slipway.grammar.SlipParser.RULE_expression) {
        return false;
      }
    }
    return false;
  }
}
