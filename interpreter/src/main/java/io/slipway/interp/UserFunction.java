package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Stmt;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.util.List;
import java.util.Map;

/** A function declared with {@code fun}, closed over the scope it was declared in. */
public record UserFunction(Stmt.FunDecl decl, Env env, SourceFile file) implements Callable {

  @Override
  public String describe() {
    return "`" + decl.name().text() + "`";
  }

  @Override
  public Object call(Evaluator ev, Object receiver, List<Object> positional,
      Map<String, Object> named, Span callSite) {
    Env scope = receiver != null ? env.childWithReceiver(receiver) : env.child();
    if (receiver != null) {
      scope.define("this", receiver, false);
    }
    SourceFile caller = ev.file();
    try {
      return run(ev, positional, named, scope);
    } catch (SlipException e) {
      if (caller != file && e.span() != null) {
        e.calledFrom(caller, callSite); // a library function failed: show the caller too
      }
      throw e;
    }
  }

  private Object run(Evaluator ev, List<Object> positional, Map<String, Object> named,
      Env scope) {
    return ev.inFrame("fun " + decl.name().text(), file, decl.span(), scope, () -> {
      bindParams(ev, decl.params(), positional, named, scope, describe());
      try {
        if (decl.exprBody() != null) {
          // `fun f(): T = with(x) { if (..) return a; b }`: Kotlin allows `return` once T is declared
          return ev.eval(decl.exprBody(), scope);
        }
        ev.execBlock(decl.body(), scope);
        return Unit.INSTANCE;
      } catch (Signals.Return r) {
        return r.value;
      }
    });
  }

  /**
   * Binds arguments to declared parameters: positional first, then named, then defaults, which
   * are evaluated in the new scope so that they may refer to earlier parameters.
   */
  static void bindParams(Evaluator ev, List<Param> params, List<Object> positional,
      Map<String, Object> named, Env scope, String what) {
    boolean hasVararg = params.stream().anyMatch(Param::vararg);
    if (positional.size() > params.size() && !hasVararg) {
      throw SlipException.error("too many arguments for " + what);
    }
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      String name = p.name().text();
      Object value;
      if (p.vararg()) {
        // as in Kotlin, every positional argument from here on (later parameters are named)
        value = named.containsKey(name) ? named.get(name)
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(
                positional.subList(Math.min(i, positional.size()), positional.size())));
        positional = positional.subList(0, Math.min(i, positional.size()));
      } else if (i < positional.size()) {
        value = positional.get(i);
      } else if (named.containsKey(name)) {
        value = named.get(name);
      } else if (p.defaultValue() != null) {
        value = ev.eval(p.defaultValue(), scope);
      } else {
        throw SlipException.error("missing argument `" + name + "` for " + what);
      }
      scope.define(name, value, false);
    }
    for (String n : named.keySet()) {
      if (params.stream().noneMatch(p -> p.name().text().equals(n))) {
        throw SlipException.error("unknown named argument `" + n + "` for " + what);
      }
    }
  }

  @Override
  public String toString() {
    return "fun " + decl.name().text() + "("
        + String.join(", ", decl.params().stream().map(p -> p.name().text()).toList()) + ")";
  }
}
