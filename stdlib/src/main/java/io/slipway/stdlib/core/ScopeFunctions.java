package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.util.List;

/**
 * Kotlin's scope functions and precondition helpers: {@code let}, {@code also}, {@code apply},
 * {@code run} (on a receiver, and the block form {@code run { }} beside the Docker
 * {@code run(image = ..)}: overloads), {@code with}, {@code takeIf}, {@code takeUnless}, {@code repeat},
 * {@code require}, {@code check}, {@code requireNotNull}, {@code checkNotNull}, {@code TODO}.
 * The methods are declared on the type variable {@code T}, so they apply to every receiver and
 * {@code T} is the receiver's own type ({@code "x".let { it.length }} is an {@code Int}).
 */
public final class ScopeFunctions implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Scope functions");
    d.method("T", "let").typeParams("T", "R").param("block", "(T) -> R").returns("R")
        .doc("Calls `block` with the receiver as `it` and returns its result: `name?.let { \"hello $it\" }`.")
        .impl((cx, r, a) -> Fns.call(cx, a[0], r));
    d.method("T", "also").typeParams("T").param("block", "(T) -> Unit").returns("T")
        .doc("Calls `block` with the receiver as `it`, then returns the receiver: `build(..).also { echo(it.id) }`.")
        .impl((cx, r, a) -> {
          Fns.call(cx, a[0], r);
          return r;
        });
    d.method("T", "apply").typeParams("T").param("block", "T.() -> Unit").returns("T")
        .doc("Calls `block` with the receiver as `this`, then returns the receiver: `mutableListOf<String>().apply { add(\"a\") }`.")
        .impl((cx, r, a) -> {
          cx.invokeWithReceiver(a[0], r, List.of());
          return r;
        });
    d.method("T", "run").typeParams("T", "R").param("block", "T.() -> R").returns("R")
        .doc("Calls `block` with the receiver as `this` and returns its result: `\"a-b\".run { split(\"-\").size }`.")
        .impl((cx, r, a) -> cx.invokeWithReceiver(a[0], r, List.of()));
    d.fn("run").typeParams("R").param("block", "() -> R").returns("R")
        .doc("Calls `block` and returns its result: `val tag = run { val v = readFile(\"VERSION\").trim(); \"app:$v\" }`. "
            + "An overload of the Docker `run(image = ..)`: a call with just a lambda is this one.")
        .impl((cx, r, a) -> Fns.call(cx, a[0]));
    d.fn("with").typeParams("T", "R").param("receiver", "T").param("block", "T.() -> R").returns("R")
        .doc("Calls `block` with `receiver` as `this` and returns its result: `with(params) { \"$image:$tag\" }`.")
        .impl((cx, r, a) -> cx.invokeWithReceiver(a[1], a[0], List.of()));
    d.method("T", "takeIf").typeParams("T").param("predicate", "(T) -> Bool").returns("T?")
        .doc("The receiver when `predicate` holds for it, else `null`: `env(\"TAG\")?.takeIf { it.isNotBlank() }`.")
        .impl((cx, r, a) -> Fns.test(cx, a[0], r) ? r : null);
    d.method("T", "takeUnless").typeParams("T").param("predicate", "(T) -> Bool").returns("T?")
        .doc("The receiver unless `predicate` holds for it, else `null`.")
        .impl((cx, r, a) -> Fns.test(cx, a[0], r) ? null : r);
    d.fn("repeat").param("times", "Int").param("action", "(Int) -> Unit")
        .doc("Calls `action` with 0, 1, ... `times - 1`: `repeat(3) { i -> echo(\"try $i\") }`.")
        .impl((cx, r, a) -> {
          long n = (Long) a[0];
          for (long i = 0; i < n; i++) {
            Fns.call(cx, a[1], i);
          }
          return Unit.INSTANCE;
        });
    d.category("Errors");
    d.fn("require").param("value", "Bool").param("lazyMessage", "(() -> Any)?", null, "null")
        .doc("Fails with an `IllegalArgument` error when `value` is false; the message is computed only then: "
            + "`require(replicas > 0) { \"replicas must be positive, was $replicas\" }`.")
        .impl((cx, r, a) -> precondition(cx, (Boolean) a[0], a[1], "IllegalArgument", "Failed requirement."));
    d.fn("check").param("value", "Bool").param("lazyMessage", "(() -> Any)?", null, "null")
        .doc("Fails with an `IllegalState` error when `value` is false; the message is computed only then: "
            + "`check(image.size < 1.gb) { \"image too big\" }`.")
        .impl((cx, r, a) -> precondition(cx, (Boolean) a[0], a[1], "IllegalState", "Check failed."));
    d.fn("requireNotNull").typeParams("T").param("value", "T?").param("lazyMessage", "(() -> Any)?", null, "null")
        .returns("T")
        .doc("`value` when it is not null, else an `IllegalArgument` error: `requireNotNull(env(\"HOME\")) { \"HOME unset\" }`.")
        .impl((cx, r, a) -> {
          precondition(cx, a[0] != null, a[1], "IllegalArgument", "Required value was null.");
          return a[0];
        });
    d.fn("checkNotNull").typeParams("T").param("value", "T?").param("lazyMessage", "(() -> Any)?", null, "null")
        .returns("T")
        .doc("`value` when it is not null, else an `IllegalState` error.")
        .impl((cx, r, a) -> {
          precondition(cx, a[0] != null, a[1], "IllegalState", "Required value was null.");
          return a[0];
        });
    d.fn("TODO").param("reason", "String?", null, "null").returns("Nothing")
        .doc("Fails with a `NotImplemented` error: marks code not written yet, as Kotlin's `TODO()`.")
        .impl((cx, r, a) -> {
          throw new SlipException("NotImplemented", "An operation is not implemented"
              + (a[0] == null ? "." : ": " + a[0]));
        });
  }

  private static Object precondition(io.slipway.builtin.CallContext cx, boolean ok, Object lazyMessage,
      String type, String fallback) {
    if (!ok) {
      String message = lazyMessage == null ? fallback : Values.show(Fns.call(cx, lazyMessage));
      throw new SlipException(type, message);
    }
    return Unit.INSTANCE;
  }
}
