package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** A type parameter of a function: {@code T} or {@code T : Bound} ({@code bound} may be null). */
public record TypeParam(Span span, Ident name, TypeRef bound) implements Node {}
