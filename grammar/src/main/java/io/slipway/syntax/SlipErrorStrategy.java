package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipLexer;
import io.slipway.source.Span;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery (single-token insertion and deletion, resync to the follow set) with our own
 * messages instead of ANTLR's "mismatched input ... expecting {...}":
 *
 * <ul>
 *   <li>"unexpected `)`: expected an expression" (E0100)
 *   <li>"missing `}` to close the block opened here" with a note at the end of the file (E0102)
 *   <li>"`val` is a keyword and cannot be used as a name" (E0106)
 * </ul>
 *
 * An error whose offending token is the end of the file is marked incomplete: the REPL then asks
 * for another line instead of showing it.
 */
final class SlipErrorStrategy extends DefaultErrorStrategy {
  private final SyntaxErrors errors;
  private final Spans spans;
  private final Brackets brackets;

  SlipErrorStrategy(SyntaxErrors errors, Spans spans, Brackets brackets) {
    this.errors = errors;
    this.spans = spans;
    this.brackets = brackets;
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    Token offending = e.getOffendingToken() != null ? e.getOffendingToken()
        : recognizer.getCurrentToken();
    IntervalSet expected = e instanceof NoViableAltException nv && nv.getDeadEndConfigs() != null
        ? expectedAt(recognizer, nv.getDeadEndConfigs())
        : e.getExpectedTokens() != null ? e.getExpectedTokens() : recognizer.getExpectedTokens();
    unexpected(recognizer, offending, expected);
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    unexpected(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    Token current = recognizer.getCurrentToken();
    IntervalSet expected = getExpectedTokens(recognizer);
    if (current.getType() == Token.EOF || closesSomething(expected)) {
      if (missingCloser(current)) {
        return;
      }
    }
    String what = SyntaxMessages.expected(expected, recognizer.getVocabulary(), inType(recognizer));
    if (what == null) {
      unexpected(recognizer, current, expected);
      return;
    }
    errors.add(Code.E0100, spans.of(current), "missing " + what + " before "
        + SyntaxMessages.describe(current), null, null, current.getType() == Token.EOF);
  }

  /** What the configurations alive just before the offending token could have matched. */
  private static IntervalSet expectedAt(Parser recognizer, ATNConfigSet configs) {
    var set = new IntervalSet();
    for (ATNConfig c : configs) {
      set.addAll(recognizer.getATN().nextTokens(c.state));
    }
    set.remove(Token.EPSILON);
    return set;
  }

  private static boolean closesSomething(IntervalSet expected) {
    return expected.size() == 1 && Brackets.isCloser(expected.getMinElement());
  }

  private void unexpected(Parser recognizer, Token offending, IntervalSet expected) {
    boolean eof = offending.getType() == Token.EOF;
    if (eof && missingCloser(offending)) {
      return;
    }
    if (SyntaxMessages.isKeyword(offending.getType()) && expected.contains(SlipLexer.IDENT)
        && !expected.contains(SlipLexer.INT_LIT) && !expected.contains(SlipLexer.ADD)) {
      errors.add(Code.E0106, spans.of(offending),
          "`" + offending.getText() + "` is a keyword and cannot be used as a name");
      return;
    }
    String what = SyntaxMessages.expected(expected, recognizer.getVocabulary(), inType(recognizer));
    String message = "unexpected " + SyntaxMessages.describe(offending)
        + (what == null ? "" : ": expected " + what);
    errors.add(Code.E0100, spans.of(offending), message, null, null, eof);
  }

  /**
   * Reports "missing `X` to close the Y opened here" at the innermost unclosed opener, if there is
   * one before {@code at}; returns false when nothing is open.
   */
  private boolean missingCloser(Token at) {
    Token opener = brackets.unclosedBefore(at.getTokenIndex());
    if (opener == null) {
      return false;
    }
    String closer = opener.getType() == SlipLexer.LPAREN ? ")"
        : opener.getType() == SlipLexer.LSQUARE ? "]" : "}";
    boolean eof = at.getType() == Token.EOF;
    Span here = spans.of(at);
    errors.add(Code.E0102, spans.of(opener),
        "missing `" + closer + "` to close the " + Brackets.what(opener.getType()) + " opened here",
        null,
        errors.label(here, eof ? "the file ends here" : "expected `" + closer + "` here"),
        eof);
    return true;
  }

  private static boolean inType(Parser recognizer) {
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
