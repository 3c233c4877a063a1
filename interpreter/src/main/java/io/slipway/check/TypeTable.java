package io.slipway.check;

import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The checked type of every expression, and the static scope at every statement, keyed by node
 * identity (records compare structurally, so two equal literals at different places are
 * different keys). The scopes serve the debugger: the types of a paused frame's names.
 */
public final class TypeTable {
  private final Map<Expr, Type> types;
  private final Map<Stmt, Env> scopes;

  TypeTable(int expectedSize) {
    types = new IdentityHashMap<>(Math.max(32, expectedSize));
    scopes = new IdentityHashMap<>(Math.max(32, expectedSize / 4));
  }

  void scope(Stmt s, Env env) {
    scopes.put(s, env);
  }

  /** The checker's scope at statement {@code s}, or null for a statement it never reached. */
  public StaticScope scopeAt(Stmt s) {
    Env env = scopes.get(s);
    return env == null ? null : new StaticScope(env);
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
