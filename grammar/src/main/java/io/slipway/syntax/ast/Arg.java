package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** A call argument; {@code name} is null for a positional one. */
public record Arg(Span span, Ident name, Expr value) implements Node {}
