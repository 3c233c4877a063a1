package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipLexer;
import io.slipway.grammar.SlipParser.LineStringExpressionContext;
import io.slipway.grammar.SlipParser.LineStringLiteralContext;
import io.slipway.grammar.SlipParser.MultiLineStringExpressionContext;
import io.slipway.grammar.SlipParser.MultiLineStringLiteralContext;
import io.slipway.grammar.SlipParser.StringLiteralContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * String literals and templates. Adjacent literal pieces merge into one {@link TemplatePart.Text};
 * {@code $name} becomes an interpolation of a {@link Expr.Name}; escapes are decoded here (a bad
 * one is E0107). Raw strings get Kotlin's {@code trimIndent()} ({@link TrimIndent}).
 */
final class StringLiterals {
  private final AstBuilder ast;

  StringLiterals(AstBuilder ast) {
    this.ast = ast;
  }

  Expr string(StringLiteralContext ctx) {
    if (ctx == null) {
      return new Expr.Error(Span.NONE);
    }
    if (ctx.lineStringLiteral() != null) {
      return line(ctx.lineStringLiteral());
    }
    if (ctx.multiLineStringLiteral() != null) {
      return raw(ctx.multiLineStringLiteral());
    }
    return new Expr.Error(ast.spans.of(ctx));
  }

  private Expr line(LineStringLiteralContext ctx) {
    Span span = ast.spans.of(ctx);
    Parts parts = new Parts();
    for (int i = 1; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof LineStringExpressionContext e) {
        parts.interpolation(ast.spans.of(e), ast.expressions.expr(e.expression()));
      } else if (child.getChildCount() > 0 && child.getChild(0) instanceof TerminalNode t) {
        content(parts, t.getSymbol());
      }
    }
    // An unterminated "..." was reported from the lexer (ParseRun), before parsing.
    return new Expr.Str(span, parts.list(), false);
  }

  private void content(Parts parts, Token t) {
    Span span = ast.spans.of(t);
    String text = t.getText();
    switch (t.getType()) {
      case SlipLexer.LINE_STR_REF, SlipLexer.MULTI_STR_REF -> parts.interpolation(span,
          new Expr.Name(new Span(span.start() + 1, span.end()), text.substring(1)));
      case SlipLexer.DOLLAR_STR_REF -> parts.interpolation(span,
          new Expr.Name(new Span(span.start() + 2, span.end()), text.substring(2)));
      case SlipLexer.LINE_STR_ESCAPE -> parts.text(span, escape(span, text));
      default -> parts.text(span, text);
    }
  }

  private String escape(Span span, String text) {
    if (text.length() == 6 && text.charAt(1) == 'u') {
      return String.valueOf((char) Integer.parseInt(text.substring(2), 16));
    }
    if (text.length() == 2) {
      switch (text.charAt(1)) {
        case 'n': return "\n";
        case 't': return "\t";
        case 'r': return "\r";
        case 'b': return "\b";
        case '"': return "\"";
        case '\'': return "'";
        case '\\': return "\\";
        case '$': return "$";
        default: break;
      }
    }
    String hint = text.equals("\\u") || text.startsWith("\\u")
        ? "a unicode escape needs four hex digits: `\\u00e9`"
        : "escapes are \\n \\t \\r \\\" \\\\ \\$ \\' \\uXXXX; write `\\\\` for a backslash";
    ast.errors.add(Code.E0107, span, "invalid escape sequence `" + text + "`", hint, null, false);
    return "";
  }

  /**
   * {@code 'x'}: one UTF-16 character. A malformed literal ({@code 'books'}, {@code ''}, a missing
   * closing quote) was reported before parsing ({@link #badCharLiteral}); an escape that is not
   * one (E0107) or a code point that takes two UTF-16 units (E0108) is reported here. Either way
   * the literal becomes an Error node, so the checker adds nothing.
   */
  Expr charLiteral(Span span, Token t) {
    String text = t.getText();
    if (t.getType() != SlipLexer.CHAR_LIT) {
      return new Expr.Error(span);
    }
    String body = text.substring(1, text.length() - 1);
    String value = body.startsWith("\\") ? escape(span, body) : body;
    if (value.isEmpty()) {
      return new Expr.Error(span);
    }
    if (value.length() == 1) {
      return new Expr.CharLit(span, value.charAt(0));
    }
    ast.errors.add(Code.E0108, span, "`" + body + "` is not one `Char`: it takes two UTF-16 units",
        "use a string: \"" + body + "\"", null, false);
    return new Expr.Error(span);
  }

  /**
   * E0108 for what the lexer could not read as a {@code Char} ({@code 'books'}, {@code ''}, a
   * {@code '} with no closing quote on its line), reported from the tokens, before parsing, so
   * that it is said even where the parser fails around it ({@code sh 'make'}).
   */
  static void badCharLiteral(SyntaxErrors errors, Span span, String text) {
    boolean closed = text.length() >= 2 && text.endsWith("'");
    String body = closed ? text.substring(1, text.length() - 1) : text.substring(1);
    String message;
    String hint;
    if (!closed) {
      message = "unterminated character literal: missing closing `'`";
      hint = body.isBlank() ? "a `Char` is written 'x'; strings use double quotes: \"...\""
          : "strings use double quotes: \"" + body.strip() + "\"";
    } else if (body.isEmpty()) {
      message = "empty character literal";
      hint = "a `Char` holds one character, e.g. 'x'; the empty string is \"\"";
    } else {
      message = "a character literal holds one character, found "
          + body.codePointCount(0, body.length());
      hint = "strings use double quotes: \"" + body + "\"";
    }
    errors.add(Code.E0108, span, message, hint, null, false);
  }

  private Expr raw(MultiLineStringLiteralContext ctx) {
    Span span = ast.spans.of(ctx);
    Parts parts = new Parts();
    for (int i = 1; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof MultiLineStringExpressionContext e) {
        parts.interpolation(ast.spans.of(e), ast.expressions.expr(e.expression()));
      } else if (child.getChildCount() > 0 && child.getChild(0) instanceof TerminalNode t) {
        content(parts, t.getSymbol());
      } else if (child instanceof TerminalNode t
          && t.getSymbol().getType() == SlipLexer.TRIPLE_QUOTE_CLOSE) {
        String quotes = t.getText();
        if (quotes.length() > 3) {
          parts.text(ast.spans.of(t), quotes.substring(0, quotes.length() - 3));
        }
      }
    }
    if (ctx.TRIPLE_QUOTE_CLOSE() == null) {
      ast.errors.add(Code.E0101, ast.spans.of(ctx.getStart()),
          "unterminated raw string: missing closing `\"\"\"`", null,
          null, true);
    }
    return new Expr.Str(span, TrimIndent.apply(parts.list()), true);
  }

  /** Accumulates parts, merging adjacent text. */
  private static final class Parts {
    private final List<TemplatePart> out = new ArrayList<>();
    private StringBuilder text;
    private Span textSpan;

    void text(Span span, String s) {
      if (text == null) {
        text = new StringBuilder();
        textSpan = span;
      } else {
        textSpan = textSpan.join(span);
      }
      text.append(s);
    }

    void interpolation(Span span, Expr e) {
      flush();
      out.add(new TemplatePart.Interpolation(span, e));
    }

    private void flush() {
      if (text != null) {
        out.add(new TemplatePart.Text(textSpan, text.toString()));
        text = null;
      }
    }

    List<TemplatePart> list() {
      flush();
      return out;
    }
  }
}
