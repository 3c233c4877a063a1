package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** One condition of a {@code when} branch. */
public sealed interface WhenCond extends Node {
  /** With a subject: equality with the subject; without one: a Bool condition. */
  record Value(Span span, Expr expr) implements WhenCond {}

  record Is(Span span, TypeRef type, boolean negated) implements WhenCond {}

  record In(Span span, Expr range, boolean negated) implements WhenCond {}
}
