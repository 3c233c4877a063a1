package io.slipway.syntax;

import io.slipway.grammar.SlipLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Bracket structure of a token list: which opener is still unclosed at a given token, and how
 * deep brackets nest. Computed once per file, in one pass, without recursion.
 */
final class Brackets {
  /** Deeper nesting is rejected before parsing (E0105); see {@link SlipParser} for the limits. */
  static final int MAX_DEPTH = 256;

  private final List<Token> tokens;
  /** For each token index, the index of the innermost opener still open before it, or -1. */
  private int[] innermostOpen;

  Brackets(List<Token> tokens) {
    this.tokens = tokens;
  }

  static boolean isOpener(int type) {
    return type == SlipLexer.LPAREN || type == SlipLexer.LSQUARE || type == SlipLexer.LCURL
        || type == SlipLexer.LINE_STR_EXPR_START || type == SlipLexer.MULTI_STR_EXPR_START;
  }

  /**
   * A closer that the parse added at the end of input for a block left open (no text of its
   * own): an error there means the input ended too early, not that a `}` is misplaced.
   */
  static boolean isAddedAtEnd(Token t) {
    return isCloser(t.getType()) && t.getStopIndex() < t.getStartIndex();
  }

  static boolean isCloser(int type) {
    return type == SlipLexer.RPAREN || type == SlipLexer.RSQUARE || type == SlipLexer.RCURL;
  }

  static int closerOf(int openerType) {
    return switch (openerType) {
      case SlipLexer.LPAREN -> SlipLexer.RPAREN;
      case SlipLexer.LSQUARE -> SlipLexer.RSQUARE;
      default -> SlipLexer.RCURL;
    };
  }

  /** What an opener starts, for "missing `}` to close the block opened here". */
  static String what(int openerType) {
    return switch (openerType) {
      case SlipLexer.LPAREN -> "parenthesis";
      case SlipLexer.LSQUARE -> "bracket";
      case SlipLexer.LCURL -> "block";
      default -> "template expression";
    };
  }

  /** The first opener that nests deeper than {@link #MAX_DEPTH}, or null. */
  Token firstTooDeep() {
    int depth = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (isOpener(t.getType())) {
        if (++depth > MAX_DEPTH) {
          return t;
        }
      } else if (isCloser(t.getType()) && depth > 0) {
        depth--;
      }
    }
    return null;
  }

  /** The innermost opener unclosed just before token {@code index}, or null. */
  Token unclosedBefore(int index) {
    if (innermostOpen == null) {
      compute();
    }
    int i = Math.max(0, Math.min(index, innermostOpen.length - 1));
    int opener = innermostOpen[i];
    return opener < 0 ? null : tokens.get(opener);
  }

  /** The openers never closed before the end of input, outermost first. */
  List<Token> unclosedAtEnd() {
    var open = new java.util.ArrayList<Token>();
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (isOpener(t.getType())) {
        open.add(t);
      } else if (isCloser(t.getType())) {
        for (int j = open.size() - 1; j >= 0; j--) {
          if (closerOf(open.get(j).getType()) == t.getType()) {
            open.subList(j, open.size()).clear();
            break;
          }
        }
      }
    }
    return open;
  }

  private void compute() {
    innermostOpen = new int[tokens.size()];
    int[] stack = new int[16];
    int sp = 0;
    for (int i = 0; i < tokens.size(); i++) {
      innermostOpen[i] = sp == 0 ? -1 : stack[sp - 1];
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int type = t.getType();
      if (isOpener(type)) {
        if (sp == stack.length) {
          stack = java.util.Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = i;
      } else if (isCloser(type)) {
        // Pop to the matching opener, if there is one; a stray closer changes nothing.
        for (int j = sp - 1; j >= 0; j--) {
          if (closerOf(tokens.get(stack[j]).getType()) == type) {
            sp = j;
            break;
          }
        }
      }
    }
  }
}
