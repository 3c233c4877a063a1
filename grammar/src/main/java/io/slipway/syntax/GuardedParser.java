package io.slipway.syntax;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;

/**
 * The generated parser with a cap on rule nesting. ANTLR parses recursively, so input such as
 * ten thousand nested {@code else if}s or prefix operators ({@code !!!!...x}) would overflow the
 * Java stack; counting rule entries turns that into a clean "nesting too deep" (E0105) long
 * before. The cap is far above anything a person writes: a nesting level of brackets or
 * {@code else if} costs 4 to 8 rule frames.
 */
final class GuardedParser extends io.slipway.grammar.SlipParser {
  static final int MAX_RULE_DEPTH = 2_500;

  private int depth;

  GuardedParser(TokenStream input) {
    super(input);
  }

  /**
   * Switches to a prediction that reports an error where the input stops matching. When no
   * alternative of a decision fits, ANTLR's default picks one that could have ended the current
   * rule, which moves the error to a later, confusing place: {@code val x = (1 + )} would be
   * reported at {@code =} ("expected end of file") instead of at {@code )} ("expected an
   * expression"). The default is kept when the very first token fits no alternative: then the
   * enclosing rule reports that same token, with better context. Only error paths behave
   * differently, so the DFA cache stays shared.
   */
  void reportErrorsWhereInputStopsMatching() {
    setInterpreter(new ParserATNSimulator(this, getATN(), _decisionToDFA, _sharedContextCache) {
      private boolean failedAtFirstToken;

      @Override
      protected NoViableAltException noViableAlt(TokenStream input, ParserRuleContext outerContext,
          ATNConfigSet configs, int startIndex) {
        failedAtFirstToken = input.index() == startIndex;
        return super.noViableAlt(input, outerContext, configs, startIndex);
      }

      @Override
      protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(ATNConfigSet configs,
          ParserRuleContext outerContext) {
        return failedAtFirstToken
            ? super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext)
            : ATN.INVALID_ALT_NUMBER;
      }
    });
  }

  /** Thrown when rules nest deeper than {@link #MAX_RULE_DEPTH}; aborts the parse. */
  static final class TooDeep extends RuntimeException {
    final transient Token at;

    TooDeep(Token at) {
      super("nesting too deep", null, false, false);
      this.at = at;
    }
  }

  @Override
  public void reset() {
    super.reset();
    depth = 0;
  }

  @Override
  public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
    enter();
    super.enterRule(localctx, state, ruleIndex);
  }

  @Override
  public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex,
      int precedence) {
    enter();
    super.enterRecursionRule(localctx, state, ruleIndex, precedence);
  }

  private void enter() {
    if (++depth > MAX_RULE_DEPTH) {
      throw new TooDeep(getCurrentToken());
    }
  }

  @Override
  public void exitRule() {
    depth--;
    super.exitRule();
  }

  @Override
  public void unrollRecursionContexts(ParserRuleContext parentctx) {
    depth--;
    super.unrollRecursionContexts(parentctx);
  }
}
