package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import java.util.Arrays;

/** Calls Slipway lambdas passed to builtins ({@code map}, {@code filter}, {@code getOrPut}...). */
final class Fns {
  private Fns() {}

  /** Calls {@code fn} with the arguments (nulls allowed) and returns its value. */
  static Object call(CallContext cx, Object fn, Object... args) {
    return cx.invoke(fn, Arrays.asList(args));
  }

  /** Calls a predicate; anything but {@code true} counts as false. */
  static boolean test(CallContext cx, Object fn, Object... args) {
    return Boolean.TRUE.equals(call(cx, fn, args));
  }
}
