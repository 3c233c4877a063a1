package io.slipway.syntax.ast;

import io.slipway.source.Span;

/** {@code catch (e: StepFailed) { ... }}. */
public record CatchClause(Span span, Ident name, TypeRef type, Block body) implements Node {}
