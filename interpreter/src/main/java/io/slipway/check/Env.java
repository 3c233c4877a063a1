package io.slipway.check;

import io.slipway.types.Type;
import java.util.Map;

/**
 * Where an expression is checked: its scope, the enclosing function (for {@code return}), the
 * loop depth (for {@code break}) and the innermost implicit receiver of a DSL lambda. Immutable;
 * entering a construct makes a new one.
 */
record Env(Scope scope, FnCtx fn, int loops, Type receiver, Labels labels) {

  Env(Scope scope, FnCtx fn, int loops, Type receiver) {
    this(scope, fn, loops, receiver, Labels.NONE);
  }

  /** The function being checked; {@code returnType} is null for a block body without one. */
  record FnCtx(String name, Type returnType) {}

  /**
   * The labels a jump may name, innermost first: loops ({@code outer@ for}) and lambdas
   * ({@code lit@{ }}, or the called function's name); {@code result} is what the lambda must
   * produce, null when unknown.
   */
  record Labels(String name, boolean loop, Type result, Labels outer, boolean crossesFunction) {
    Labels(String name, boolean loop, Type result, Labels outer) {
      this(name, loop, result, outer, false);
    }

    /** The innermost lambda's entry when it is not inline and sits in a function, else null. */
    static Labels blockingLambda(Labels l) {
      for (Labels x = l; x != null; x = x.outer) {
        if (!x.loop) {
          return x.crossesFunction ? x : null;
        }
      }
      return null;
    }

    static final Labels NONE = null;

    static Labels find(Labels l, String name, boolean loop) {
      for (Labels x = l; x != null; x = x.outer) {
        if (x.name.equals(name) && x.loop == loop) {
          return x;
        }
      }
      return null;
    }

    static boolean inLambda(Labels l) {
      for (Labels x = l; x != null; x = x.outer) {
        if (!x.loop) {
          return true;
        }
      }
      return false;
    }

    static java.util.List<String> names(Labels l, boolean loop) {
      var out = new java.util.ArrayList<String>();
      for (Labels x = l; x != null; x = x.outer) {
        if (x.loop == loop) {
          out.add(x.name);
        }
      }
      return out;
    }

    /** The lambda labels only: a loop label cannot be reached from inside a lambda. */
    static Labels lambdasOnly(Labels l) {
      if (l == null) {
        return null;
      }
      Labels outer = lambdasOnly(l.outer);
      return l.loop ? outer : new Labels(l.name, false, l.result, outer, l.crossesFunction);
    }
  }

  Env child() {
    return new Env(scope.child(), fn, loops, receiver, labels);
  }

  Env withScope(Scope s) {
    return new Env(s, fn, loops, receiver, labels);
  }

  Env inLoop() {
    return new Env(scope, fn, loops + 1, receiver, labels);
  }

  /** The loop about to be checked has label {@code name}. */
  Env withLoopLabel(String name) {
    return new Env(scope, fn, loops, receiver, new Labels(name, true, null, labels));
  }

  /** A function body: its own scope, no enclosing loop, no implicit receiver. */
  Env inFunction(FnCtx f) {
    return new Env(scope.child(), f, 0, null, Labels.NONE);
  }

  /**
   * A lambda body: no enclosing loop for break; receiver when given. The lambda of an
   * inline-like builtin ({@code forEach}, {@code map}, ...) keeps the enclosing function, so a
   * {@code return} in it returns from that function (Kotlin's non-local return); any other
   * lambda has none. {@code label} (may be null) names it for {@code return@label}.
   */
  Env inLambda(Type newReceiver, boolean inline, String label, Type result) {
    Labels ls = Labels.lambdasOnly(labels);
    if (label != null) {
      ls = new Labels(label, false, result, ls, !inline && fn != null);
    }
    return new Env(scope.child(), inline ? fn : null, 0, newReceiver == null ? receiver : newReceiver, ls);
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
