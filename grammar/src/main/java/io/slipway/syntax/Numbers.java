package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipLexer;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** Number literals: `_` separators, 64-bit range, and a hint for `2mb`-style slips (E0104). */
final class Numbers {
  private static final Set<String> UNITS = Set.of("ms", "seconds", "minutes", "hours",
      "percent", "kbit", "mbit", "gbit", "kb", "mb", "gb");
  private static final Pattern DIGITS_THEN_LETTERS = Pattern.compile("([0-9_]+)([a-zA-Z]+)");

  private Numbers() {}

  static Expr literal(SyntaxErrors errors, Span span, Token token) {
    String text = token.getText();
    return switch (token.getType()) {
      case SlipLexer.INT_LIT -> intLiteral(errors, span, text);
      case SlipLexer.DOUBLE_LIT -> doubleLiteral(errors, span, text);
      default -> bad(errors, span, text);
    };
  }

  private static Expr intLiteral(SyntaxErrors errors, Span span, String text) {
    if (text.endsWith("_")) {
      return invalid(errors, span, "invalid number literal `" + text + "`",
          "a `_` separator must stand between digits");
    }
    try {
      return new Expr.IntLit(span, Long.parseLong(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return invalid(errors, span,
          "invalid number literal `" + text + "`: too large for an Int (64 bits)", null);
    }
  }

  private static Expr doubleLiteral(SyntaxErrors errors, Span span, String text) {
    if (text.contains("_.") || text.contains("._") || text.endsWith("_")
        || text.matches(".*_[eE].*|.*[eE][+-]?_.*")) {
      return invalid(errors, span, "invalid number literal `" + text + "`",
          "a `_` separator must stand between digits");
    }
    double value = Double.parseDouble(text.replace("_", ""));
    if (Double.isInfinite(value)) {
      return invalid(errors, span, "invalid number literal `" + text + "`: too large", null);
    }
    return new Expr.DoubleLit(span, value);
  }

  private static Expr bad(SyntaxErrors errors, Span span, String text) {
    String hint = null;
    Matcher m = DIGITS_THEN_LETTERS.matcher(text);
    if (m.matches() && UNITS.contains(m.group(2))) {
      hint = "did you mean `" + m.group(1) + "." + m.group(2) + "`?";
    } else if (m.matches() && m.group(2).equalsIgnoreCase("L")) {
      hint = "Int is already 64 bits: write `" + m.group(1) + "`";
    } else if (text.startsWith("0x") || text.startsWith("0X")) {
      hint = "only decimal number literals are supported";
    }
    return invalid(errors, span, "invalid number literal `" + text + "`", hint);
  }

  private static Expr invalid(SyntaxErrors errors, Span span, String message, String hint) {
    errors.add(Code.E0104, span, message, hint, null, false);
    return new Expr.Error(span);
  }
}
