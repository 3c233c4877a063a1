package io.slipway.check;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.types.Type;

/**
 * A name in scope. {@code fun} is set for user functions, {@code data} for data classes;
 * a smart cast is a copy of a symbol with a narrower type and {@code origin} pointing to the
 * declared one (assignments go to the origin).
 */
record Symbol(String name, Kind kind, Type type, SourceFile file, Span span, FunInfo fun,
    DataClassInfo data, Symbol origin) {

  enum Kind { VAL, VAR, PARAM, FUN, DATA }

  static Symbol value(String name, boolean mutable, Type type, SourceFile file, Span span) {
    return new Symbol(name, mutable ? Kind.VAR : Kind.VAL, type, file, span, null, null, null);
  }

  Symbol narrowed(Type t) {
    return new Symbol(name, kind, t, file, span, fun, data, origin == null ? this : origin);
  }

  Symbol declared() {
    return origin == null ? this : origin;
  }
}
