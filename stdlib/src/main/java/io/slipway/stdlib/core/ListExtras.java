package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.Lists.l;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.IndexedValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Kotlin helpers: {@code withIndex}, {@code flatten}, {@code ifEmpty}, {@code buildList},
 * {@code buildString}, {@code Int.MAX_VALUE}/{@code MIN_VALUE}.
 */
public final class ListExtras implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Collections");
    d.type("IndexedValue<T>", "An element of `xs.withIndex()`: `index` and `value`; `for ((i, x) in xs.withIndex())`.", IndexedValue.class, "Any");
    d.property("IndexedValue<T>", "index").type("Int").doc("The element's index.")
        .get((cx, r) -> ((IndexedValue) r).index());
    d.property("IndexedValue<T>", "value").type("T").doc("The element.")
        .get((cx, r) -> ((IndexedValue) r).value());
    d.method("List<T>", "withIndex").returns("List<IndexedValue<T>>")
        .doc("Each element with its index: `for ((i, x) in xs.withIndex())`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          List<Object> xs = l(r);
          for (int i = 0; i < xs.size(); i++) {
            out.add(new IndexedValue(i, xs.get(i)));
          }
          return Colls.list(out);
        });
    d.method("List<List<T>>", "flatten").typeParams("T").returns("List<T>")
        .doc("The elements of every inner list, in order: `listOf(listOf(1), listOf(2, 3)).flatten()` is `[1, 2, 3]`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          for (Object inner : l(r)) {
            out.addAll(l(inner));
          }
          return Colls.list(out);
        });
    d.method("List<T>", "ifEmpty").param("defaultValue", "() -> List<T>").returns("List<T>")
        .doc("The list, or the block's value when the list is empty.")
        .impl((cx, r, a) -> l(r).isEmpty() ? Fns.call(cx, a[0]) : r);
    d.fn("buildList").typeParams("T").param("builderAction", "MutableList<T>.() -> Unit").returns("List<T>")
        .doc("A list made by the block, whose receiver is a new `MutableList`: `val xs: List<String> = buildList { add(\"a\") }`.")
        .impl((cx, r, a) -> {
          var out = new ArrayList<Object>();
          cx.invokeWithReceiver(a[0], out, List.of());
          return Colls.list(out);
        });
    d.category("Basic types");
    d.type("IntCompanion", "What the name `Int` means in an expression: `Int.MAX_VALUE`, `Int.MIN_VALUE`.", IntLimits.class, "Any");
    d.property(null, "Int").type("IntCompanion").doc("`Int.MAX_VALUE` and `Int.MIN_VALUE`.")
        .get((cx, r) -> IntLimits.INSTANCE);
    d.property("IntCompanion", "MAX_VALUE").type("Int")
        .doc("The largest `Int`, 9223372036854775807: Slipway's `Int` is 64 bits wide (Kotlin's `Long`).")
        .get((cx, r) -> Long.MAX_VALUE);
    d.property("IntCompanion", "MIN_VALUE").type("Int").doc("The smallest `Int`, -9223372036854775808.")
        .get((cx, r) -> Long.MIN_VALUE);
    d.category("Collections");
    d.type("StringBuilder", "The receiver of `buildString { .. }`: `append(x)`, `appendLine(x)`, `length`.", StringBuilder.class, "Any");
    d.fn("buildString").param("builderAction", "StringBuilder.() -> Unit").returns("String")
        .doc("The text the block appends: `buildString { append(\"a\"); appendLine(1) }`.")
        .impl((cx, r, a) -> {
          var sb = new StringBuilder();
          cx.invokeWithReceiver(a[0], sb, List.of());
          return sb.toString();
        });
    d.method("StringBuilder", "append").param("value", "Any?").returns("StringBuilder")
        .doc("Appends the value as `\"$value\"` prints it.")
        .impl((cx, r, a) -> ((StringBuilder) r).append(io.slipway.value.Values.show(a[0])));
    d.method("StringBuilder", "appendLine").param("value", "Any?", "", "\"\"").returns("StringBuilder")
        .doc("Appends the value and a newline.")
        .impl((cx, r, a) -> ((StringBuilder) r).append(io.slipway.value.Values.show(a[0])).append('\n'));
    d.property("StringBuilder", "length").type("Int").doc("The number of characters so far.")
        .get((cx, r) -> (long) ((StringBuilder) r).length());
  }
}
