package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** A piece of a string literal: literal text (escapes already decoded) or an interpolation. */
public sealed interface TemplatePart extends Node {
  record Text(Span span, String text) implements TemplatePart {}

  /** {@code $name} or {@code ${expr}}. */
  record Interpolation(Span span, Expr expr) implements TemplatePart {}
}
