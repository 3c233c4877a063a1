package io.slipway.check;

import io.slipway.syntax.ast.Expr;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The checked type of every expression, keyed by node identity (records compare structurally,
 * so two equal literals at different places are different keys).
 */
public final class TypeTable {
  private final Map<Expr, Type> types;

  TypeTable(int expectedSize) {
    types = new IdentityHashMap<>(Math.max(32, expectedSize));
  }

  void put(Expr e, Type t) {
    types.put(e, t);
  }

  /** The type of {@code e}, or the error type for a node the checker never reached. */
  public Type type(Expr e) {
    return types.getOrDefault(e, Types.ERROR);
  }

  public boolean has(Expr e) {
    return types.containsKey(e);
  }

  public int size() {
    return types.size();
  }
}
