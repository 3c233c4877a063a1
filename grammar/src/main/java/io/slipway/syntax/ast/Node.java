package io.slipway.syntax.ast;

import io.slipway.source.Span;

/**
 * Every AST node. Nodes are immutable records whose first component is their {@link Span}. No
 * ANTLR type reaches the AST, so the parser can be replaced without touching later passes.
 *
 * <p>Records compare structurally: side tables keyed by node must be {@code IdentityHashMap}s.
 */
public sealed interface Node permits Program, Stmt, Expr, TypeRef, Block, Arg, Param, Ident,
    TemplatePart, WhenBranch, WhenCond, CatchClause, TypeParam {
  Span span();
}
