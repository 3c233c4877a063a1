package io.slipway.syntax.ast;

import io.slipway.source.Span;
import java.util.List;

/** A type as written in source. Resolution to a checker type happens later. */
public sealed interface TypeRef extends Node {
  boolean nullable();

  /** {@code Name}, {@code List<Int>}, {@code String?}. */
  record Named(Span span, Ident name, List<TypeRef> args, boolean nullable) implements TypeRef {
    public Named {
      args = List.copyOf(args);
    }
  }

  /** {@code (Int, String) -> Bool}, optionally with a receiver {@code R.() -> Unit}. */
  record Function(Span span, TypeRef receiver, List<TypeRef> params, TypeRef result,
      boolean nullable) implements TypeRef {
    public Function {
      params = List.copyOf(params);
    }
  }

  /** Produced by error recovery; the checker treats it as the error type without reporting. */
  record Error(Span span) implements TypeRef {
    @Override
    public boolean nullable() {
      return false;
    }
  }
}
