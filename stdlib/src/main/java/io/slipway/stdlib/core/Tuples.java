package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Pair;
import io.slipway.value.Triple;
import java.util.ArrayList;
import java.util.Arrays;

/** {@code Pair(a, b)} and {@code Triple(a, b, c)} as constructor calls, and Triple's members. */
public final class Tuples implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.fn("Pair").typeParams("A", "B").param("first", "A").param("second", "B").returns("Pair<A, B>")
        .doc("Two values; the same as `first to second`.")
        .impl((cx, r, a) -> new Pair(a[0], a[1]));
    d.fn("Triple").typeParams("A", "B", "C").param("first", "A").param("second", "B").param("third", "C")
        .returns("Triple<A, B, C>")
        .doc("Three values: `val (a, b, c) = Triple(1, \"x\", true)`. Prints as `(1, x, true)`.")
        .impl((cx, r, a) -> new Triple(a[0], a[1], a[2]));
    d.property("Triple<A, B, C>", "first").type("A").doc("The first value.")
        .get((cx, r) -> ((Triple) r).first());
    d.property("Triple<A, B, C>", "second").type("B").doc("The second value.")
        .get((cx, r) -> ((Triple) r).second());
    d.property("Triple<A, B, C>", "third").type("C").doc("The third value.")
        .get((cx, r) -> ((Triple) r).third());
    d.method("Triple<A, B, C>", "toList").returns("List<Any?>").doc("`[first, second, third]`.")
        .impl((cx, r, a) -> {
          Triple t = (Triple) r;
          return Colls.list(new ArrayList<>(Arrays.asList(t.first(), t.second(), t.third())));
        });
  }
}
