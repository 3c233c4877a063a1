package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** A name as written, with its own span (for "did you mean" carets). */
public record Ident(Span span, String text) implements Node {}
