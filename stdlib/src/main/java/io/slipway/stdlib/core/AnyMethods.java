package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.Objects;

/**
 * Methods every value has. {@code Secret} is the exception: the checker rejects
 * {@code toString()} on it (E0205), and the implementation refuses as a second line of defence.
 */
public final class AnyMethods implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Basic types");
    d.method("Any", "toString").returns("String")
        .doc("The value as `echo` and templates print it. Not available on `Secret`.")
        .impl((cx, recv, a) -> show(recv));
    d.method("Any", "equals").param("other", "Any?").returns("Bool")
        .doc("Structural equality, the same as `==`.")
        .impl((cx, recv, a) -> Objects.equals(recv, a[0]));
    d.method("Any", "hashCode").returns("Int")
        .doc("A hash consistent with `equals`.")
        .impl((cx, recv, a) -> (long) Objects.hashCode(recv));
  }

  /** Prints a value for a string conversion, refusing secrets. */
  static String show(Object v) {
    if (v instanceof SecretValue) {
      throw new SlipException("Error", "a Secret cannot be converted to a string");
    }
    return Values.show(v);
  }
}
