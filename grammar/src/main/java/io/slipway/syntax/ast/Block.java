package io.slipway.syntax.ast;

import io.slipway.source.Span;
import java.util.List;

/** A braced sequence of statements. Its value, where used as an expression, is its last one's. */
public record Block(Span span, List<Stmt> stmts) implements Node {
  public Block {
    stmts = List.copyOf(stmts);
  }
}
