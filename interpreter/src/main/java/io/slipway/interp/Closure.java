package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Param;
import io.slipway.value.MapEntry;
import io.slipway.value.SlipException;
import java.util.List;
import java.util.Map;

/**
 * A lambda value: its code, the scope it was created in, and its file. A lambda with no declared
 * parameters binds a single argument to {@code it}; invoked with a receiver (a DSL block), the
 * receiver's builtin members become callable unqualified in its body.
 */
public record Closure(Expr.Lambda lambda, Env env, SourceFile file, String callee)
    implements Callable {

  /** A lambda not passed to a named function: only an explicit label names it. */
  public Closure(Expr.Lambda lambda, Env env, SourceFile file) {
    this(lambda, env, file, null);
  }

  /** Whether {@code return@label} ends this lambda: its own label, else the called function's. */
  boolean answers(String label) {
    return label != null && label.equals(lambda.label() != null ? lambda.label() : callee);
  }

  @Override
  public String describe() {
    return "lambda";
  }

  @Override
  public Object call(Evaluator ev, Object receiver, List<Object> positional,
      Map<String, Object> named, Span callSite) {
    return invoke(ev, receiver, positional, Map.of(), "lambda");
  }

  /**
   * Calls the lambda with extra variables in scope, as the {@code matrix} block sees one
   * {@code val} per axis.
   */
  public Object callWith(Evaluator ev, Object receiver, List<Object> positional,
      Map<String, Object> vars) {
    return invoke(ev, receiver, positional, vars, "lambda");
  }

  /** Calls the lambda in a frame named {@code callee} ({@code stage build} for a stage body). */
  Object invoke(Evaluator ev, Object receiver, List<Object> positional,
      Map<String, Object> vars, String frameName) {
    return invoke(ev, receiver, receiver != null, positional, vars, frameName);
  }

  /**
   * Calls a lambda with a receiver on a null receiver ({@code s.run { this == null }} for a null
   * {@code s}): {@code this} is null in its body, not an outer receiver.
   */
  Object callOnNull(Evaluator ev, List<Object> positional) {
    return invoke(ev, null, true, positional, Map.of(), "lambda");
  }

  private Object invoke(Evaluator ev, Object receiver, boolean withReceiver,
      List<Object> positional, Map<String, Object> vars, String frameName) {
    Env outer = env;
    if (!vars.isEmpty()) {
      outer = env.child();
      for (var e : vars.entrySet()) {
        outer.define(e.getKey(), e.getValue(), false);
      }
    }
    Env scope = withReceiver ? outer.childWithReceiver(receiver) : outer.child();
    List<Param> params = lambda.params();
    if (params.size() == 2 && positional.size() == 1 && positional.get(0) instanceof MapEntry e) {
      positional = java.util.Arrays.asList(e.key(), e.value()); // `m.forEach { k, v -> }` (checked so)
    }
    if (params.isEmpty()) {
      if (!lambda.arrow() && positional.size() == 1) {
        scope.define("it", positional.get(0), false);
      }
    } else {
      if (positional.size() < params.size()) {
        throw SlipException.error("lambda expects " + params.size() + " arguments, got "
            + positional.size());
      }
      for (int i = 0; i < params.size(); i++) {
        String name = params.get(i).name().text();
        if (!name.equals("_")) {
          scope.define(name, positional.get(i), false);
        }
      }
    }
    return ev.inFrame(frameName, file, lambda.span(), scope, () -> {
      try {
        return ev.execBlockValue(lambda.body(), scope);
      } catch (Signals.Return r) {
        if (answers(r.label)) {
          return r.value;
        }
        throw r;
      }
    });
  }

  @Override
  public String toString() {
    return "(" + String.join(", ", lambda.params().stream().map(p -> p.name().text()).toList())
        + ") -> ...";
  }
}
