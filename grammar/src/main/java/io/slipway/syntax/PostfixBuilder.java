package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipLexer;
import io.slipway.grammar.SlipParser.CallSuffixContext;
import io.slipway.grammar.SlipParser.CallableRefExprContext;
import io.slipway.grammar.SlipParser.CallableRefSuffixContext;
import io.slipway.grammar.SlipParser.ControlExpressionContext;
import io.slipway.grammar.SlipParser.IndexSuffixContext;
import io.slipway.grammar.SlipParser.LambdaExprContext;
import io.slipway.grammar.SlipParser.LambdaLiteralContext;
import io.slipway.grammar.SlipParser.LambdaParameterContext;
import io.slipway.grammar.SlipParser.LambdaWithArrowContext;
import io.slipway.grammar.SlipParser.LambdaWithoutArrowContext;
import io.slipway.grammar.SlipParser.LiteralContext;
import io.slipway.grammar.SlipParser.LiteralExprContext;
import io.slipway.grammar.SlipParser.MemberSuffixContext;
import io.slipway.grammar.SlipParser.NameExprContext;
import io.slipway.grammar.SlipParser.NotNullSuffixContext;
import io.slipway.grammar.SlipParser.ParenthesizedExprContext;
import io.slipway.grammar.SlipParser.PostfixSuffixContext;
import io.slipway.grammar.SlipParser.PostfixUnaryExpressionContext;
import io.slipway.grammar.SlipParser.PrimaryExpressionContext;
import io.slipway.grammar.SlipParser.StringExprContext;
import io.slipway.grammar.SlipParser.TrailingLambdaSuffixContext;
import io.slipway.grammar.SlipParser.TypeArgumentCallSuffixContext;
import io.slipway.grammar.SlipParser.ValueArgumentContext;
import io.slipway.grammar.SlipParser.ValueArgumentsContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix chains ({@code a.b(c)[d]!!}, trailing lambdas) folded left to right without recursion,
 * and the primary expressions they start from.
 */
final class PostfixBuilder {
  private final AstBuilder ast;

  PostfixBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  Expr postfix(PostfixUnaryExpressionContext ctx) {
    if (ctx == null) {
      return new Expr.Error(Span.NONE);
    }
    if (ctx.controlExpression() != null) {
      return control(ctx.controlExpression());
    }
    Expr e = primary(ctx.primaryExpression());
    boolean lastWasArgs = false;
    for (PostfixSuffixContext s : ctx.postfixSuffix()) {
      Span span = ast.spans.between(e.span(), ast.spans.of(s));
      boolean merge = lastWasArgs && e instanceof Expr.Call;
      lastWasArgs = s instanceof CallSuffixContext || s instanceof TypeArgumentCallSuffixContext;
      e = switch (s) {
        case CallSuffixContext c -> new Expr.Call(span, e, args(c.valueArguments()), null);
        case TypeArgumentCallSuffixContext c -> new Expr.Call(span, e, args(c.valueArguments()),
            null, c.typeArguments().type().stream().map(ast.types::type).toList());
        // `f(a) { }`: the lambda belongs to the call just made.
        case TrailingLambdaSuffixContext t when merge -> {
          var call = (Expr.Call) e;
          yield new Expr.Call(span, call.callee(), call.args(), labeled(t.LABEL(),
              lambda(t.lambdaLiteral())), call.typeArgs());
        }
        case TrailingLambdaSuffixContext t -> new Expr.Call(span, e, List.of(),
            labeled(t.LABEL(), lambda(t.lambdaLiteral())));
        case IndexSuffixContext i -> new Expr.Index(span, e, ast.expressions.expr(i.expression()));
        case MemberSuffixContext m -> member(span, e, m);
        case NotNullSuffixContext n -> new Expr.NotNull(span, e);
        case CallableRefSuffixContext r -> memberRef(span, e, r);
        default -> new Expr.Error(span);
      };
    }
    return e;
  }

  private Expr member(Span span, Expr target, MemberSuffixContext m) {
    Ident name = ast.ident(m.IDENT());
    if (name == null && m.keyword() != null) {
      // `obj.in`: reported once, then checked like a name so the checker goes on.
      name = ast.ident(m.keyword().getStart());
      ast.errors.add(Code.E0106, name.span(),
          "`" + name.text() + "` is a keyword and cannot be used as a name");
    }
    if (name == null) {
      return new Expr.Error(span);
    }
    return new Expr.Member(span, target, name, m.op.getType() == SlipLexer.SAFE_CALL);
  }

  /** Arguments of a call-like construct elsewhere (an enum entry's constructor arguments). */
  List<Arg> arguments(ValueArgumentsContext ctx) {
    return args(ctx);
  }

  private List<Arg> args(ValueArgumentsContext ctx) {
    List<Arg> args = new ArrayList<>();
    if (ctx == null) {
      return args;
    }
    for (ValueArgumentContext a : ctx.valueArgument()) {
      Ident name = ast.ident(a.IDENT());
      args.add(new Arg(ast.spans.of(a), name, ast.expressions.expr(a.expression()),
          a.spread != null));
    }
    return args;
  }

  Expr primary(PrimaryExpressionContext ctx) {
    if (ctx == null) {
      return new Expr.Error(Span.NONE);
    }
    Span span = ast.spans.of(ctx);
    return switch (ctx) {
      case ParenthesizedExprContext p -> ast.expressions.expr(p.expression());
      case LiteralExprContext l -> literal(l.literal());
      case StringExprContext s -> ast.strings.string(s.stringLiteral());
      case NameExprContext n -> new Expr.Name(span, n.IDENT().getText());
      case CallableRefExprContext r -> callableRef(span, r);
      case LambdaExprContext l -> labeled(l.LABEL(), lambda(l.lambdaLiteral()));
      default -> new Expr.Error(span);
    };
  }

  /** {@code lit@{ ... }}: the lambda with its label. */
  private static Expr.Lambda labeled(org.antlr.v4.runtime.tree.TerminalNode label,
      Expr.Lambda l) {
    if (label == null) {
      return l;
    }
    String text = label.getText();
    return l.labeled(text.substring(0, text.length() - 1));
  }

  /** {@code ::name}; a keyword as the name is reported (E0106). */
  private Expr callableRef(Span span, CallableRefExprContext r) {
    Ident name = refName(r.IDENT(), r.keyword());
    return name == null ? new Expr.Error(span) : new Expr.CallableRef(span, null, name);
  }

  /**
   * {@code Type::member} or {@code x::member} (a name: the checker tells a type from a value),
   * else a reference bound to the value of an expression ({@code "abc"::startsWith}).
   */
  private Expr memberRef(Span span, Expr target, CallableRefSuffixContext r) {
    Ident name = refName(r.IDENT(), r.keyword());
    if (name == null) {
      return new Expr.Error(span);
    }
    if (target instanceof Expr.Name n) {
      return new Expr.CallableRef(span, new Ident(n.span(), n.id()), name);
    }
    return new Expr.CallableRef(span, null, name, target);
  }

  private Ident refName(org.antlr.v4.runtime.tree.TerminalNode id,
      io.slipway.grammar.SlipParser.KeywordContext keyword) {
    if (keyword != null) {
      Ident name = ast.ident(keyword.getStart());
      ast.errors.add(Code.E0106, name.span(),
          "`" + name.text() + "` is a keyword and cannot be used as a name");
      return name;
    }
    return ast.ident(id);
  }

  /** if/when/try, and jumps as expressions ({@code x ?: return}): a one-statement block. */
  private Expr control(ControlExpressionContext ctx) {
    Span span = ast.spans.of(ctx);
    var control = ast.statements.control();
    if (ctx.ifExpression() != null) {
      return control.ifExpr(ctx.ifExpression());
    }
    if (ctx.whenExpression() != null) {
      return control.whenExpr(ctx.whenExpression());
    }
    if (ctx.tryExpression() != null) {
      return control.tryExpr(ctx.tryExpression());
    }
    if (ctx.jumpExpression() != null) {
      Stmt jump = control.jump(ctx.jumpExpression());
      return new Expr.BlockExpr(span, new Block(span, List.of(jump)));
    }
    return new Expr.Error(span);
  }

  private Expr literal(LiteralContext ctx) {
    Span span = ast.spans.of(ctx);
    return switch (ctx.getStart().getType()) {
      case SlipLexer.TRUE -> new Expr.BoolLit(span, true);
      case SlipLexer.FALSE -> new Expr.BoolLit(span, false);
      case SlipLexer.NULL -> new Expr.NullLit(span);
      case SlipLexer.CHAR_LIT, SlipLexer.BAD_CHAR_LIT ->
          ast.strings.charLiteral(span, ctx.getStart());
      default -> Numbers.literal(ast.errors, span, ctx.getStart());
    };
  }

  Expr.Lambda lambda(LambdaLiteralContext ctx) {
    Span span = ast.spans.of(ctx);
    if (ctx instanceof LambdaWithArrowContext a) {
      List<Param> params = new ArrayList<>();
      List<Stmt> destructures = new ArrayList<>();
      if (a.lambdaParameters() != null) {
        for (LambdaParameterContext p : a.lambdaParameters().lambdaParameter()) {
          Span pSpan = ast.spans.of(p);
          if (p.LPAREN() != null) {
            // { (k, v) -> body }  ==  { $1 -> val (k, v) = $1; body }; `$` keeps the name
            // out of reach of user code.
            Ident hidden = new Ident(pSpan, "$" + (params.size() + 1));
            List<Ident> names = new ArrayList<>();
            p.IDENT().forEach(n -> names.add(ast.ident(n)));
            names.removeIf(java.util.Objects::isNull);
            params.add(new Param(pSpan, hidden, null, null, false, false));
            destructures.add(new Stmt.Destructure(pSpan, false, names,
                new Expr.Name(pSpan, hidden.text())));
            continue;
          }
          Ident name = ast.ident(p.IDENT(0));
          if (name != null) {
            params.add(new Param(pSpan, name,
                p.type() == null ? null : ast.types.type(p.type()), null, false, false));
          }
        }
      }
      destructures.addAll(ast.statements.statements(a.statements()));
      return new Expr.Lambda(span, params, true, new Block(span, destructures));
    }
    var w = (LambdaWithoutArrowContext) ctx;
    return new Expr.Lambda(span, List.of(), false,
        new Block(span, ast.statements.statements(w.statements())));
  }
}
