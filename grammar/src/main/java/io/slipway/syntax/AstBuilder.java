package io.slipway.syntax;

import io.slipway.grammar.SlipParser.ProgramContext;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.Program;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree into the AST. The work is split by syntactic category
 * ({@link StatementBuilder}, {@link ExpressionBuilder}, {@link StringLiterals},
 * {@link TypeBuilder}); this class holds what they share: the file, the span converter and the
 * error sink. The parse tree may be damaged by error recovery: every builder method accepts
 * missing children and returns an {@code Error} node for them (the parser has already reported
 * the error, so nothing is reported twice).
 */
final class AstBuilder {
  final SourceFile file;
  final Spans spans;
  final SyntaxErrors errors;
  final TokenStream tokens;
  final StatementBuilder statements;
  final ExpressionBuilder expressions;
  final StringLiterals strings;
  final TypeBuilder types;
  /**
   * The {@code val x get() = e} declarations without a receiver, which are {@code val}s at the
   * top level but computed properties in a class body (by identity: equal records may differ).
   */
  final java.util.Set<Stmt.VarDecl> getterVals =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  AstBuilder(SourceFile file, Spans spans, SyntaxErrors errors, TokenStream tokens) {
    this.file = file;
    this.spans = spans;
    this.errors = errors;
    this.tokens = tokens;
    this.statements = new StatementBuilder(this);
    this.expressions = new ExpressionBuilder(this);
    this.strings = new StringLiterals(this);
    this.types = new TypeBuilder(this);
  }

  Program program(ProgramContext ctx) {
    return new Program(spans.of(ctx), file, statements.statements(ctx.statements()));
  }

  /**
   * Whether the parser already reported an error in this part of the tree: the builder's own
   * checks (a function without body, a parameter without type) would only repeat it.
   */
  boolean damaged(ParserRuleContext ctx) {
    return ctx != null && (ctx.exception != null || errors.anyWithin(spans.of(ctx)));
  }

  /** An identifier token as an {@link Ident}; null when recovery left it out. */
  Ident ident(TerminalNode n) {
    if (n == null || n.getSymbol().getTokenIndex() < 0) {
      return null;
    }
    return new Ident(spans.of(n), n.getText());
  }

  Ident ident(Token t) {
    return t == null || t.getTokenIndex() < 0 ? null : new Ident(spans.of(t), t.getText());
  }
}
