package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipLexer;
import io.slipway.grammar.SlipParser.DestructuringDeclContext;
import io.slipway.grammar.SlipParser.DoWhileStatementContext;
import io.slipway.grammar.SlipParser.ExpressionStatementContext;
import io.slipway.grammar.SlipParser.ForStatementContext;
import io.slipway.grammar.SlipParser.PrefixIncrementContext;
import io.slipway.grammar.SlipParser.LabeledLoopContext;
import io.slipway.grammar.SlipParser.PropertyDeclContext;
import io.slipway.grammar.SlipParser.StatementContext;
import io.slipway.grammar.SlipParser.StatementsContext;
import io.slipway.grammar.SlipParser.WhileStatementContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.AssignOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Statements: variables, assignments, loops and expression statements. Declarations with
 * bodies (fun, param, data class, import) are in {@link DeclarationBuilder}; if/when/try and
 * control bodies in {@link ControlBuilder}.
 */
final class StatementBuilder {
  private final AstBuilder ast;
  private final DeclarationBuilder declarations;
  private final ControlBuilder control;

  StatementBuilder(AstBuilder ast) {
    this.ast = ast;
    this.declarations = new DeclarationBuilder(ast);
    this.control = new ControlBuilder(ast);
  }

  ControlBuilder control() {
    return control;
  }

  DeclarationBuilder declarations() {
    return declarations;
  }

  List<Stmt> statements(StatementsContext ctx) {
    List<Stmt> out = new ArrayList<>();
    if (ctx == null) {
      return out;
    }
    for (StatementContext s : ctx.statement()) {
      out.add(statement(s));
    }
    return out;
  }

  Stmt statement(StatementContext s) {
    Span span = ast.spans.of(s);
    if (s == null || s.getChildCount() == 0) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    return statement(s.getChild(0), span);
  }

  /** A statement from the rule that holds it (a statement or a control-structure body). */
  Stmt statement(ParseTree child, Span span) {
    return switch (child) {
      case PropertyDeclContext p -> property(p);
      case DestructuringDeclContext d -> destructuring(d);
      case ForStatementContext f -> forStmt(f);
      case WhileStatementContext w -> new Stmt.While(span, ast.expressions.expr(w.expression()),
          control.bodyBlock(w.controlStructureBody()));
      case DoWhileStatementContext d -> new Stmt.DoWhile(span,
          control.bodyBlock(d.controlStructureBody()), ast.expressions.expr(d.expression()));
      case PrefixIncrementContext p -> increment(span,
          assignable(ast.expressions.expr(p.expression()), p), p.getStart());
      case ExpressionStatementContext e -> expressionStatement(span, e);
      case LabeledLoopContext l -> {
        String text = l.LABEL().getText();
        Ident label = new Ident(ast.spans.of(l.LABEL()), text.substring(0, text.length() - 1));
        ParseTree loop = l.forStatement() != null ? l.forStatement()
            : l.whileStatement() != null ? l.whileStatement() : l.doWhileStatement();
        yield loop == null ? new Stmt.ExprStmt(span, new Expr.Error(span))
            : new Stmt.Labeled(span, label, statement(loop, ast.spans.of((ParserRuleContext) loop)));
      }
      default -> declarations.declaration(child, span);
    };
  }

  private Stmt property(PropertyDeclContext p) {
    Span span = ast.spans.of(p);
    Ident name = declarations.name(p.declName());
    Expr init = p.expression() != null ? ast.expressions.expr(p.expression())
        // `val x = <broken>`: an Error node, so the checker does not also say "no initializer".
        : p.ASSIGN() != null || p.exception != null ? new Expr.Error(ast.spans.of(p)) : null;
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    TypeRef type = p.type() == null ? null : ast.types.type(p.type());
    if (p.modifier != null && !PropertyForms.constant(init)) {
      ast.errors.add(Code.E0100, init == null ? name.span() : init.span(),
          "`const val` needs a constant value", "a literal of a basic type, or an expression of"
              + " literals and other constants", null, false);
    }
    if (p.modifier != null && p.VAR() != null) {
      ast.errors.add(Code.E0100, ast.spans.of(p.modifier), "`const var` is not allowed",
          "write `const val`", null, false);
    }
    TypeRef receiver = p.receiverType() == null ? null : ast.types.receiver(p.receiverType());
    if (p.getter() != null || receiver != null) {
      return PropertyForms.getter(ast, span, p, name, type, receiver, init);
    }
    return new Stmt.VarDecl(span, p.VAR() != null, name, type, init);
  }

  private Stmt destructuring(DestructuringDeclContext d) {
    List<Ident> names = new ArrayList<>();
    for (var n : d.declName()) {
      Ident id = declarations.name(n);
      if (id != null) {
        names.add(id);
      }
    }
    return new Stmt.Destructure(ast.spans.of(d), d.VAR() != null, names,
        ast.expressions.expr(d.expression()));
  }

  private Stmt forStmt(ForStatementContext f) {
    List<Ident> vars = new ArrayList<>();
    if (f.forVariables() != null) {
      for (var n : f.forVariables().declName()) {
        Ident id = declarations.name(n);
        if (id != null) {
          vars.add(id);
        }
      }
    }
    return new Stmt.For(ast.spans.of(f), vars, ast.expressions.expr(f.expression()),
        control.bodyBlock(f.controlStructureBody()));
  }

  private Stmt expressionStatement(Span span, ExpressionStatementContext e) {
    Stmt jump = control.standaloneJump(e);
    if (jump != null) {
      return jump;
    }
    Expr target = ast.expressions.expr(e.expression(0));
    if (e.assignmentOperator() != null) {
      Expr value = ast.expressions.expr(e.expression(1));
      return new Stmt.Assign(span, assignable(target, e), assignOp(
          e.assignmentOperator().getStart()), value);
    }
    if (e.INCR() != null || e.DECR() != null) {
      return increment(span, assignable(target, e), e.INCR() != null ? e.INCR().getSymbol()
          : e.DECR().getSymbol());
    }
    return new Stmt.ExprStmt(span, target);
  }

  /** {@code x++}, {@code --x}: built as {@code x += 1} / {@code x -= 1}. */
  private Stmt increment(Span span, Expr target, Token op) {
    Span opSpan = ast.spans.of(op);
    AssignOp kind = op.getType() == SlipLexer.INCR ? AssignOp.ADD : AssignOp.SUB;
    return new Stmt.Assign(span, target, kind, new Expr.IntLit(opSpan, 1));
  }

  private Expr assignable(Expr target, ParserRuleContext stmt) {
    return switch (target) {
      case Expr.Name n -> n;
      case Expr.Member m -> m;
      case Expr.Index i -> i;
      case Expr.Error err -> err;
      default -> {
        if (!ast.damaged(stmt)) {
          ast.errors.add(Code.E0100, target.span(),
              "cannot assign to this expression: expected a name, a property or an index");
        }
        yield new Expr.Error(target.span());
      }
    };
  }

  private static AssignOp assignOp(Token t) {
    return switch (t.getType()) {
      case SlipLexer.ADD_ASSIGN -> AssignOp.ADD;
      case SlipLexer.SUB_ASSIGN -> AssignOp.SUB;
      case SlipLexer.MULT_ASSIGN -> AssignOp.MUL;
      case SlipLexer.DIV_ASSIGN -> AssignOp.DIV;
      case SlipLexer.MOD_ASSIGN -> AssignOp.REM;
      default -> AssignOp.ASSIGN;
    };
  }
}
