package io.slipway.check;

import io.slipway.types.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checker's view of the names in scope at one statement: their static types, and the
 * implicit receiver (a stage body's {@code StageScope}). The debugger shows these types for a
 * paused frame, and a {@link CheckSession} made from one checks input typed at a breakpoint
 * as if it were written at that statement.
 *
 * <p>A scope also holds the names declared later in the same block (the checker fills a block's
 * scope as it goes); callers that know which names exist at run time filter by them.
 */
public final class StaticScope {
  private final Env env;

  StaticScope(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  /** The static type of the value named {@code name} here (innermost binding), or null. */
  public Type type(String name) {
    Symbol s = env.scope().lookup(name);
    return s == null || s.kind() == Symbol.Kind.FUN || s.kind() == Symbol.Kind.DATA ? null
        : s.type();
  }

  /** Every value name in scope with its static type, innermost binding first. */
  public Map<String, Type> types() {
    var out = new LinkedHashMap<String, Type>();
    for (String n : env.scope().names()) {
      if (!out.containsKey(n)) {
        Type t = type(n);
        if (t != null) {
          out.put(n, t);
        }
      }
    }
    return out;
  }

  /** The innermost implicit receiver's type ({@code StageScope} in a stage body), or null. */
  public Type receiver() {
    return env.receiver();
  }
}
