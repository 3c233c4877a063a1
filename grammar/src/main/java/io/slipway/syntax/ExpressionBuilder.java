package io.slipway.syntax;

import io.slipway.grammar.SlipLexer;
import io.slipway.grammar.SlipParser.AdditiveExprContext;
import io.slipway.grammar.SlipParser.AsExprContext;
import io.slipway.grammar.SlipParser.ComparisonExprContext;
import io.slipway.grammar.SlipParser.ConjunctionExprContext;
import io.slipway.grammar.SlipParser.DisjunctionExprContext;
import io.slipway.grammar.SlipParser.ElvisExprContext;
import io.slipway.grammar.SlipParser.EqualityExprContext;
import io.slipway.grammar.SlipParser.ExpressionContext;
import io.slipway.grammar.SlipParser.InExprContext;
import io.slipway.grammar.SlipParser.InfixCallExprContext;
import io.slipway.grammar.SlipParser.IsExprContext;
import io.slipway.grammar.SlipParser.MultiplicativeExprContext;
import io.slipway.grammar.SlipParser.PostfixExprContext;
import io.slipway.grammar.SlipParser.PrefixExprContext;
import io.slipway.grammar.SlipParser.RangeExprContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.UnaryOp;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Operator expressions. ANTLR builds a left-recursive rule's tree left-deep, so
 * {@code a + b + ... + z} is a chain as long as the expression; it is walked down its left spine
 * with an explicit stack, never recursively, so that a 10,000-operand chain cannot overflow the
 * stack here (the AST depth check then rejects it, see {@link AstDepth}). Postfix and primary
 * expressions are in {@link PostfixBuilder}.
 */
final class ExpressionBuilder {
  private final AstBuilder ast;
  private final PostfixBuilder postfix;

  ExpressionBuilder(AstBuilder ast) {
    this.ast = ast;
    this.postfix = new PostfixBuilder(ast);
  }

  PostfixBuilder postfix() {
    return postfix;
  }

  /** An Error node at the given place, for parts that error recovery left out. */
  Expr error(ParserRuleContext around) {
    return new Expr.Error(ast.spans.of(around));
  }

  Expr expr(ExpressionContext ctx) {
    if (ctx == null) {
      return new Expr.Error(Span.NONE);
    }
    if (ctx instanceof PostfixExprContext p) {
      return postfix.postfix(p.postfixUnaryExpression());
    }
    Deque<ExpressionContext> spine = new ArrayDeque<>();
    ExpressionContext cur = ctx;
    while (cur != null && !(cur instanceof PostfixExprContext)
        && !(cur instanceof PrefixExprContext)) {
      spine.push(cur);
      cur = left(cur);
    }
    Expr result = base(cur, spine.isEmpty() ? ctx : spine.peek());
    while (!spine.isEmpty()) {
      result = combine(spine.pop(), result);
    }
    return result;
  }

  private static ExpressionContext left(ExpressionContext c) {
    if (c instanceof AsExprContext a) {
      return a.expression();
    }
    if (c instanceof IsExprContext i) {
      return i.expression();
    }
    return c.getChildCount() > 0 && c.getChild(0) instanceof ExpressionContext e ? e : null;
  }

  private Expr base(ExpressionContext c, ParserRuleContext parent) {
    if (c instanceof PostfixExprContext p) {
      return postfix.postfix(p.postfixUnaryExpression());
    }
    if (c instanceof PrefixExprContext p) {
      return prefix(p);
    }
    return error(parent);
  }

  private Expr prefix(PrefixExprContext p) {
    Span span = ast.spans.of(p);
    Expr operand = expr(p.expression());
    return switch (p.op.getType()) {
      case SlipLexer.SUB -> new Expr.Unary(span, UnaryOp.NEG, operand);
      case SlipLexer.ADD -> new Expr.Unary(span, UnaryOp.PLUS, operand);
      case SlipLexer.EXCL -> new Expr.Unary(span, UnaryOp.NOT, operand);
      // `!!x` lexes as one token; as a prefix it is two negations.
      default -> new Expr.Unary(span, UnaryOp.NOT,
          new Expr.Unary(new Span(span.start() + 1, span.end()), UnaryOp.NOT, operand));
    };
  }

  private Expr combine(ExpressionContext c, Expr left) {
    Span span = ast.spans.between(left.span(), ast.spans.of(c));
    return switch (c) {
      case AsExprContext a ->
          new Expr.As(span, left, ast.types.type(a.type()), a.op.getType() == SlipLexer.AS_SAFE);
      case IsExprContext i ->
          new Expr.Is(span, left, ast.types.type(i.type()), i.op.getType() == SlipLexer.NOT_IS);
      case InfixCallExprContext i -> infix(span, left, i);
      case MultiplicativeExprContext m -> binary(span, op(m.op), left, m.expression(1));
      case AdditiveExprContext a -> binary(span, op(a.op), left, a.expression(1));
      case RangeExprContext r -> binary(span, BinaryOp.RANGE, left, r.expression(1));
      case ElvisExprContext e -> binary(span, BinaryOp.ELVIS, left, e.expression(1));
      case InExprContext i -> binary(span, op(i.op), left, i.expression(1));
      case ComparisonExprContext cmp -> binary(span, op(cmp.op), left, cmp.expression(1));
      case EqualityExprContext eq -> binary(span, op(eq.op), left, eq.expression(1));
      case ConjunctionExprContext and -> binary(span, BinaryOp.AND, left, and.expression(1));
      case DisjunctionExprContext or -> binary(span, BinaryOp.OR, left, or.expression(1));
      default -> new Expr.Error(span);
    };
  }

  private Expr binary(Span span, BinaryOp op, Expr left, ExpressionContext right) {
    return new Expr.Binary(span, op, left, expr(right));
  }

  private Expr infix(Span span, Expr left, InfixCallExprContext i) {
    Ident name = ast.ident(i.IDENT());
    Expr right = expr(i.expression(1));
    if (name == null) {
      return new Expr.Error(span);
    }
    if (name.text().equals("to")) {
      return new Expr.Binary(span, BinaryOp.TO, left, right);
    }
    return new Expr.InfixCall(span, left, name, right);
  }

  private static BinaryOp op(Token t) {
    return switch (t.getType()) {
      case SlipLexer.MULT -> BinaryOp.MUL;
      case SlipLexer.DIV -> BinaryOp.DIV;
      case SlipLexer.MOD -> BinaryOp.REM;
      case SlipLexer.ADD -> BinaryOp.ADD;
      case SlipLexer.SUB -> BinaryOp.SUB;
      case SlipLexer.IN -> BinaryOp.IN;
      case SlipLexer.NOT_IN -> BinaryOp.NOT_IN;
      case SlipLexer.LANGLE -> BinaryOp.LT;
      case SlipLexer.RANGLE -> BinaryOp.GT;
      case SlipLexer.LE -> BinaryOp.LE;
      case SlipLexer.GE -> BinaryOp.GE;
      case SlipLexer.EQEQ -> BinaryOp.EQ;
      default -> BinaryOp.NE;
    };
  }
}
