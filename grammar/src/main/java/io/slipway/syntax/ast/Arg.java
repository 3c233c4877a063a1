package io.slipway.syntax.ast;

import io.slipway.source.Span;

/**
 * A call argument; {@code name} is null for a positional one; {@code spread} for {@code *list}
 * passed to a vararg parameter.
 */
public record Arg(Span span, Ident name, Expr value, boolean spread) implements Node {
  public Arg(Span span, Ident name, Expr value) {
    this(span, name, value, false);
  }
}
