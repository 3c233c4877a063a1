package io.slipway.syntax;

import io.slipway.grammar.SlipLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Finds the KDoc ({@code /** ... * /}) written right before a declaration. Docs live on the
 * lexer's DOCS channel; between the doc and the declaration only newlines may stand.
 */
final class DocComments {
  private final TokenStream tokens;

  DocComments(TokenStream tokens) {
    this.tokens = tokens;
  }

  /** The cleaned doc text before {@code declStart}, or null. */
  String before(Token declStart) {
    if (declStart == null) {
      return null;
    }
    for (int i = declStart.getTokenIndex() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getType() == SlipLexer.DOC_COMMENT) {
        return clean(t.getText());
      }
      if (t.getType() == SlipLexer.NL || t.getChannel() == Token.HIDDEN_CHANNEL) {
        continue;
      }
      return null;
    }
    return null;
  }

  /** Drops the delimiters and each line's leading {@code *}, then surrounding blank lines. */
  static String clean(String raw) {
    String body = raw.substring(3, raw.endsWith("*/") ? raw.length() - 2 : raw.length());
    var out = new StringBuilder();
    for (String line : body.split("\r\n|\n|\r", -1)) {
      String l = line.strip();
      if (l.startsWith("*")) {
        l = l.substring(1);
        if (l.startsWith(" ")) {
          l = l.substring(1);
        }
      }
      out.append(l.stripTrailing()).append('\n');
    }
    return out.toString().strip();
  }
}
