package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipParser.StatementsContext;
import io.slipway.grammar.SlipLexer;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
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
  private final SyntaxHints hints;
  private IntervalSet statementStart;

  SlipErrorStrategy(SyntaxErrors errors, Spans spans, Brackets brackets) {
    this.errors = errors;
    this.spans = spans;
    this.hints = new SyntaxHints(errors, spans, brackets);
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

  /**
   * Never recovers by deleting a bracket or a newline: the lexer has already matched brackets up
   * (and decided which newlines count), so dropping one desynchronizes everything after it and
   * turns one mistake into a cascade.
   */
  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    int type = recognizer.getCurrentToken().getType();
    int next = recognizer.getInputStream().LA(2);
    // Nor a token before a newline: resuming "on the next line" after `a. 3` would read the
    // next statement as the rest of this one.
    if (Brackets.isOpener(type) || Brackets.isCloser(type) || type == SlipLexer.NL
        || type == Token.EOF || next == SlipLexer.NL) {
      return null;
    }
    return super.singleTokenDeletion(recognizer);
  }

  /**
   * Statement-level resynchronization. When a statement list meets a token that can neither
   * continue it nor end it (the rest of a broken statement: `val x = 1 = 2`, a stray `}`), ANTLR
   * would leave the list and let the enclosing rule skip to ITS follow set, which for the file
   * is the end of file: every later error would go unreported. Instead the rest of the line is
   * skipped (brackets kept balanced) and the list goes on with the next statement.
   */
  @Override
  public void sync(Parser recognizer) {
    if (!(recognizer.getContext() instanceof StatementsContext)) {
      super.sync(recognizer);
      return;
    }
    IntervalSet expecting = recognizer.getExpectedTokens();
    TokenStream input = recognizer.getInputStream();
    // Look past separators: `val x = 1` NL `}` fails only at the `}`.
    int k = 1;
    while (input.LA(k) == SlipLexer.NL || input.LA(k) == SlipLexer.SEMI) {
      k++;
    }
    Token t = input.LT(k);
    int type = t.getType();
    if (type == Token.EOF || (k == 1 && expecting.contains(type))
        || (k > 1 && (statementStart(recognizer).contains(type) || (expecting.contains(type)
            && type != SlipLexer.NL && type != SlipLexer.SEMI)))) {
      return;
    }
    if (!inErrorRecoveryMode(recognizer)) {
      beginErrorCondition(recognizer);
      hints.strayInStatementList(recognizer.getInputStream(), t);
    }
    for (int i = 1; i < k; i++) {
      recognizer.consume();
    }
    skipRestOfStatement(recognizer, expecting.contains(SlipLexer.RCURL));
  }

  private IntervalSet statementStart(Parser recognizer) {
    if (statementStart == null) {
      var atn = recognizer.getATN();
      statementStart = atn.nextTokens(
          atn.ruleToStartState[io.slipway.grammar.SlipParser.RULE_statement]);
    }
    return statementStart;
  }

  /** Consumes to the next newline or `;` outside brackets, or to a `}` that ends the list. */
  private static void skipRestOfStatement(Parser recognizer, boolean stopAtBrace) {
    int depth = 0;
    while (true) {
      int type = recognizer.getInputStream().LA(1);
      if (type == Token.EOF) {
        return;
      }
      if (depth == 0 && (type == SlipLexer.NL || type == SlipLexer.SEMI
          || (type == SlipLexer.RCURL && stopAtBrace))) {
        return;
      }
      if (Brackets.isOpener(type)) {
        depth++;
      } else if (Brackets.isCloser(type) && depth > 0) {
        depth--;
      }
      recognizer.consume();
    }
  }

  /**
   * ANTLR's resynchronization, but never inside out of a bracket pair: a group opened while
   * skipping is skipped whole, and a closer of an enclosing group stops the skipping (the
   * enclosing rule will match it). Otherwise skipping `{` but not its `}` reports the `}` later
   * as a second, unrelated error.
   */
  @Override
  protected void consumeUntil(Parser recognizer, IntervalSet set) {
    int depth = 0;
    for (int type = recognizer.getInputStream().LA(1); type != Token.EOF;
        type = recognizer.getInputStream().LA(1)) {
      if (depth == 0 && set.contains(type)) {
        return;
      }
      if (Brackets.isOpener(type)) {
        depth++;
      } else if (Brackets.isCloser(type)) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
      recognizer.consume();
    }
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
      if (hints.missingCloser(current)) {
        return;
      }
    }
    String what = SyntaxMessages.expected(expected, recognizer.getVocabulary(),
        SyntaxHints.inType(recognizer));
    if (what == null) {
      unexpected(recognizer, current, expected);
      return;
    }
    errors.add(Code.E0100, spans.of(current), "missing " + what + " before "
        + SyntaxMessages.describe(current), null, null, atEnd(current));
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

  /** The end of input, or a closer added there for a block left open (ParseRun.closeAtEnd). */
  private static boolean atEnd(Token t) {
    return t.getType() == Token.EOF || Brackets.isAddedAtEnd(t);
  }

  private void unexpected(Parser recognizer, Token offending, IntervalSet expected) {
    boolean eof = atEnd(offending);
    Token last = SyntaxHints.previous(recognizer.getInputStream(), offending.getTokenIndex());
    if (eof && last != null && errors.lineHasError(spans.of(last).start())) {
      // The statement cut off by the end of the file already has its error (`sh 'make'`).
      return;
    }
    // (the block a closer was added for is already reported as not closed)
    if (!Brackets.isAddedAtEnd(offending)
        && (eof || hints.startsDeclaration(offending) || hints.wrongCloser(offending))
        && hints.missingCloser(offending)) {
      return;
    }
    if (hints.missingCommaBeforeNamedArgument(recognizer, offending)) {
      return;
    }
    if (SyntaxMessages.isKeyword(offending.getType()) && expected.contains(SlipLexer.IDENT)
        && !expected.contains(SlipLexer.INT_LIT) && !expected.contains(SlipLexer.ADD)) {
      errors.add(Code.E0106, spans.of(offending),
          "`" + offending.getText() + "` is a keyword and cannot be used as a name");
      return;
    }
    String what = SyntaxMessages.expected(expected, recognizer.getVocabulary(),
        SyntaxHints.typeExpected(recognizer, offending));
    String message = "unexpected " + SyntaxMessages.describe(offending)
        + (what == null ? "" : ": expected " + what);
    errors.add(Code.E0100, spans.of(offending), message, hints.hint(recognizer.getInputStream(), offending), null, eof);
  }

}
