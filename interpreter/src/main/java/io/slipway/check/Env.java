package io.slipway.check;

import io.slipway.types.Type;
import java.util.Map;

/**
 * Where an expression is checked: its scope, the enclosing function (for {@code return}), the
 * loop depth (for {@code break}) and the innermost implicit receiver of a DSL lambda. Immutable;
 * entering a construct makes a new one.
 */
record Env(Scope scope, FnCtx fn, int loops, Type receiver) {

  /** The function being checked; {@code returnType} is null for a block body without one. */
  record FnCtx(String name, Type returnType) {}

  Env child() {
    return new Env(scope.child(), fn, loops, receiver);
  }

  Env withScope(Scope s) {
    return new Env(s, fn, loops, receiver);
  }

  Env inLoop() {
    return new Env(scope, fn, loops + 1, receiver);
  }

  /** A function body: its own scope, no enclosing loop, no implicit receiver. */
  Env inFunction(FnCtx f) {
    return new Env(scope.child(), f, 0, null);
  }

  /** A lambda body: no enclosing loop or function for break/return; receiver when given. */
  Env inLambda(Type newReceiver) {
    return new Env(scope.child(), null, 0, newReceiver == null ? receiver : newReceiver);
  }

  /** A child scope where the given local names have narrower (smart-cast) types. */
  Env narrowed(Map<String, Type> facts) {
    if (facts.isEmpty()) {
      return this;
    }
    Scope s = scope.child();
    facts.forEach((name, t) -> {
      Symbol sym = scope.lookup(name);
      if (sym != null) {
        s.put(sym.narrowed(t));
      } else if (name.indexOf('.') > 0) {
        // a property path such as `params.deployTo`: looked up by ExprChecker.member
        s.put(new Symbol(name, Symbol.Kind.VAL, t, null, io.slipway.source.Span.NONE, null, null, null));
      }
    });
    return withScope(s);
  }
}
