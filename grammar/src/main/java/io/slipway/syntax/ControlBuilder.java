package io.slipway.syntax;

import io.slipway.grammar.SlipParser.BreakJumpContext;
import io.slipway.grammar.SlipParser.CatchBlockContext;
import io.slipway.grammar.SlipParser.ContinueJumpContext;
import io.slipway.grammar.SlipParser.ControlStructureBodyContext;
import io.slipway.grammar.SlipParser.ExpressionStatementContext;
import io.slipway.grammar.SlipParser.IfExpressionContext;
import io.slipway.grammar.SlipParser.InConditionContext;
import io.slipway.grammar.SlipParser.IsConditionContext;
import io.slipway.grammar.SlipParser.JumpExpressionContext;
import io.slipway.grammar.SlipParser.LambdaExprContext;
import io.slipway.grammar.SlipParser.LambdaWithoutArrowContext;
import io.slipway.grammar.SlipParser.PostfixExprContext;
import io.slipway.grammar.SlipParser.ReturnJumpContext;
import io.slipway.grammar.SlipParser.ThrowJumpContext;
import io.slipway.grammar.SlipParser.TryExpressionContext;
import io.slipway.grammar.SlipParser.ValueConditionContext;
import io.slipway.grammar.SlipParser.WhenConditionContext;
import io.slipway.grammar.SlipParser.WhenEntryContext;
import io.slipway.grammar.SlipParser.WhenExpressionContext;
import io.slipway.grammar.SlipLexer;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import java.util.ArrayList;
import java.util.List;

/**
 * if/when/try, jumps and control-structure bodies.
 *
 * <p>A body is a statement in the grammar; a braced body arrives as a lambda literal without
 * arrow and becomes a {@link Block} here. As an {@code if}/{@code when} branch (an expression) a
 * block is a {@link Expr.BlockExpr}, and so is a single statement that is not an expression
 * ({@code if (c) return}, {@code x ?: return}: the jump wrapped in a one-statement block).
 */
final class ControlBuilder {
  private final AstBuilder ast;

  ControlBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  Expr ifExpr(IfExpressionContext ctx) {
    Span span = ast.spans.of(ctx);
    Expr cond = ast.expressions.expr(ctx.expression());
    List<ControlStructureBodyContext> bodies = ctx.controlStructureBody();
    Expr then = bodies.isEmpty() ? new Expr.Error(span) : branch(bodies.get(0));
    Expr otherwise = bodies.size() > 1 ? branch(bodies.get(1))
        : ctx.ELSE() != null ? new Expr.Error(ast.spans.of(ctx.ELSE())) : null;
    return new Expr.If(span, cond, then, otherwise);
  }

  Expr whenExpr(WhenExpressionContext ctx) {
    Span span = ast.spans.of(ctx);
    Expr subject = ctx.expression() == null ? null : ast.expressions.expr(ctx.expression());
    List<WhenBranch> branches = new ArrayList<>();
    for (WhenEntryContext e : ctx.whenEntry()) {
      List<WhenCond> conds = new ArrayList<>();
      for (WhenConditionContext c : e.whenCondition()) {
        conds.add(condition(c));
      }
      Expr body = e.controlStructureBody() == null ? new Expr.Error(ast.spans.of(e))
          : branch(e.controlStructureBody());
      branches.add(new WhenBranch(ast.spans.of(e), conds, body));
    }
    return new Expr.When(span, subject, branches);
  }

  private WhenCond condition(WhenConditionContext c) {
    Span span = ast.spans.of(c);
    return switch (c) {
      case ValueConditionContext v -> new WhenCond.Value(span, ast.expressions.expr(v.expression()));
      case InConditionContext i -> new WhenCond.In(span, ast.expressions.expr(i.expression()),
          i.op.getType() == SlipLexer.NOT_IN);
      case IsConditionContext i -> new WhenCond.Is(span, ast.types.type(i.type()),
          i.op.getType() == SlipLexer.NOT_IS);
      default -> new WhenCond.Value(span, new Expr.Error(span));
    };
  }

  Expr tryExpr(TryExpressionContext ctx) {
    List<CatchClause> catches = new ArrayList<>();
    for (CatchBlockContext c : ctx.catchBlock()) {
      var name = ast.statements.declarations().name(c.declName());
      catches.add(new CatchClause(ast.spans.of(c),
          name == null ? new io.slipway.syntax.ast.Ident(ast.spans.of(c), "_") : name,
          ast.types.type(c.type()), ast.statements.declarations().block(c.block())));
    }
    Block fin = ctx.finallyBlock() == null ? null
        : ast.statements.declarations().block(ctx.finallyBlock().block());
    return new Expr.Try(ast.spans.of(ctx), ast.statements.declarations().block(ctx.block()),
        catches, fin);
  }

  Stmt jump(JumpExpressionContext ctx) {
    Span span = ast.spans.of(ctx);
    return switch (ctx) {
      case ThrowJumpContext t -> new Stmt.Throw(span, ast.expressions.expr(t.expression()));
      case ReturnJumpContext r -> new Stmt.Return(span,
          r.expression() == null ? null : ast.expressions.expr(r.expression()),
          label(r.RETURN_AT()));
      case ContinueJumpContext c -> new Stmt.Continue(span, label(c.CONTINUE_AT()));
      case BreakJumpContext b -> new Stmt.Break(span, label(b.BREAK_AT()));
      default -> new Stmt.ExprStmt(span, new Expr.Error(span));
    };
  }

  /** The label of {@code break@outer} & co. ({@code outer}), or null. */
  private static String label(org.antlr.v4.runtime.tree.TerminalNode at) {
    if (at == null) {
      return null;
    }
    String text = at.getText();
    return text.substring(text.indexOf('@') + 1);
  }

  /** The jump statement when an expression statement is exactly {@code return x} & co. */
  Stmt standaloneJump(ExpressionStatementContext e) {
    if (e.expression().size() != 1 || e.INCR() != null || e.DECR() != null
        || !(e.expression(0) instanceof PostfixExprContext p)
        || p.postfixUnaryExpression() == null
        || p.postfixUnaryExpression().controlExpression() == null
        || p.postfixUnaryExpression().controlExpression().jumpExpression() == null) {
      return null;
    }
    return jump(p.postfixUnaryExpression().controlExpression().jumpExpression());
  }

  /** A braced body written as `{ ... }`, or null when the body is a single statement. */
  private LambdaWithoutArrowContext bracedBody(ControlStructureBodyContext body) {
    if (body == null || body.getChildCount() == 0
        || !(body.getChild(0) instanceof ExpressionStatementContext e)
        || e.expression().size() != 1 || e.INCR() != null || e.DECR() != null
        || !(e.expression(0) instanceof PostfixExprContext p)
        || p.postfixUnaryExpression() == null
        || !p.postfixUnaryExpression().postfixSuffix().isEmpty()
        || !(p.postfixUnaryExpression().primaryExpression() instanceof LambdaExprContext l)
        || !(l.lambdaLiteral() instanceof LambdaWithoutArrowContext w)) {
      return null;
    }
    return w;
  }

  private Stmt bodyStatement(ControlStructureBodyContext body) {
    Span span = ast.spans.of(body);
    if (body.getChildCount() == 0) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    return ast.statements.statement(body.getChild(0), span);
  }

  /** A loop body: always a block. */
  Block bodyBlock(ControlStructureBodyContext body) {
    Span span = ast.spans.of(body);
    if (body == null) {
      return new Block(span, List.of());
    }
    LambdaWithoutArrowContext braced = bracedBody(body);
    if (braced != null) {
      return new Block(span, ast.statements.statements(braced.statements()));
    }
    return new Block(span, List.of(bodyStatement(body)));
  }

  /** An if/when branch: an expression, a block expression, or a wrapped statement. */
  Expr branch(ControlStructureBodyContext body) {
    Span span = ast.spans.of(body);
    LambdaWithoutArrowContext braced = bracedBody(body);
    if (braced != null) {
      return new Expr.BlockExpr(span,
          new Block(span, ast.statements.statements(braced.statements())));
    }
    Stmt s = bodyStatement(body);
    if (s instanceof Stmt.ExprStmt es) {
      return es.expr();
    }
    return new Expr.BlockExpr(span, new Block(span, List.of(s)));
  }
}
