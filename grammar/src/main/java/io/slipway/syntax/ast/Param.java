package io.slipway.syntax.ast;

import io.slipway.source.Span;

/**
 * A parameter of a function, a lambda, or a data class property. {@code type} may be null only
 * for lambda parameters; {@code defaultValue} is null when there is none. {@code property} and
 * {@code mutable} describe data class properties ({@code val}/{@code var}); {@code vararg} marks
 * {@code vararg xs: T} of a function.
 */
public record Param(Span span, Ident name, TypeRef type, Expr defaultValue, boolean property,
    boolean mutable, boolean vararg) implements Node {
  public Param(Span span, Ident name, TypeRef type, Expr defaultValue, boolean property,
      boolean mutable) {
    this(span, name, type, defaultValue, property, mutable, false);
  }
}
