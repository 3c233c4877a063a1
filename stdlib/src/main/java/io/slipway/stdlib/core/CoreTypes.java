package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.Bandwidth;
import io.slipway.value.ByteSize;
import io.slipway.value.JsonValue;
import io.slipway.value.Pair;
import io.slipway.value.Percent;
import io.slipway.value.SecretValue;
import io.slipway.value.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core types and their runtime classes. {@code MutableList} and {@code MutableMap} are
 * the concrete {@code ArrayList}/{@code LinkedHashMap}; immutable lists and maps are other
 * implementations of the interfaces (see {@link Colls}), so {@code is MutableList} is false for
 * them.
 */
public final class CoreTypes implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Basic types");
    // no runtime class: every value is an Any, and the interpreter maps unknown classes to their
    // declared type by runtime class, which Object would shadow
    d.type("Any", "The supertype of every non-null type.", null);
    d.type("Nothing", "The type of expressions that never complete (`error(..)`, `throw`); `null` has type `Nothing?`.", null);
    d.type("Unit", "The type of expressions without a useful value; its only value prints as `Unit`.", Unit.class, "Any");
    d.type("Bool", "`true` or `false`.", Boolean.class, "Any");
    d.type("Secret", "A credential from `secret(\"NAME\")`. It is accepted where a credential is expected, never converts to `String` and prints as `****`.", SecretValue.class, "Any");
    d.type("Int", "A 64-bit signed integer.", Long.class, "Any");
    d.type("Double", "A 64-bit IEEE 754 floating point number.", Double.class, "Any");
    d.type("String", "An immutable sequence of UTF-16 characters.", String.class, "Any");
    d.type("Char", "One UTF-16 character: `'x'`, `'\\n'`, `'\\u00e9'`. `s[i]`, `first()` and `for (c in s)` give them; `'a'..'z'` is a `List<Char>`; `c - 'a'` is an `Int`.", Character.class, "Any");
    d.category("Collections");
    d.type("List<T>", "An immutable, ordered list; `listOf(..)`, `1..3`.", List.class, "Any");
    d.type("MutableList<T>", "A list that can change in place; `mutableListOf(..)`.", ArrayList.class, "List");
    d.type("Map<K, V>", "An immutable map that keeps insertion order; `mapOf(\"a\" to 1)`.", Map.class, "Any");
    d.type("MutableMap<K, V>", "A map that can change in place, in insertion order; `mutableMapOf(..)`.", LinkedHashMap.class, "Map");
    d.type("Set<T>", "An immutable set in insertion order, equal by elements; `setOf(..)`, `xs.toSet()`. Prints as `[a, b]`.", java.util.Set.class, "Any");
    d.type("MutableSet<T>", "A set that can change in place, in insertion order; `mutableSetOf(..)`.", java.util.LinkedHashSet.class, "Set");
    d.type("Pair<A, B>", "Two values; `a to b`. Prints as `(a, b)`.", Pair.class, "Any");
    d.type("Map.Entry<K, V>", "An entry of a map: `key`, `value`, destructured as `(k, v)`; what `for (e in m)`, `m.entries` and lambdas such as `m.filter { it.value > 1 }` see. Prints as `key=value`.", io.slipway.value.MapEntry.class, "Any");
    d.type("Triple<A, B, C>", "Three values; `Triple(a, b, c)`. Prints as `(a, b, c)`.", io.slipway.value.Triple.class, "Any");
    d.category("Units");
    d.type("Duration", "A length of time: `150.ms`, `30.seconds`, `5.minutes`, `2.hours`. Prints as `1m30s`, `45s`, `150ms`.", Duration.class, "Any");
    d.type("Percent", "A share in 0..100: `20.percent`. Prints as `20%`.", Percent.class, "Any");
    d.type("Bandwidth", "A rate in bits per second: `50.kbit`, `8.mbit`, `1.gbit`. Prints as `8mbit`.", Bandwidth.class, "Any");
    d.type("ByteSize", "A size in bytes, binary multiples: `512.kb`, `64.mb`, `2.gb`. Prints as `64mb`.", ByteSize.class, "Any");
    d.category("JSON");
    d.type("Json", "A dynamic JSON value: `j[\"key\"]`, `j[0]`, `.asString()`, `.asInt()`, `.asList()`. A wrong access is a run-time error naming the JSON path, e.g. `$.items[3].name: expected a string, found number`.", JsonValue.class, "Any");
  }
}
