package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import java.util.Set;

/**
 * The standard-library functions that run their lambda at once, on the caller's thread, as
 * Kotlin's inline functions do: a {@code return} in their lambda returns from the enclosing
 * function (non-local return). Lambdas of every other function (DSL blocks such as
 * {@code stage}, {@code retry}, user functions) may only be left with {@code return@label}.
 */
final class InlineLambdas {
  private static final Set<String> INLINE = Set.of(
      "forEach", "forEachIndexed", "onEach", "map", "mapIndexed", "mapNotNull", "flatMap",
      "filter", "filterNot", "filterIndexed", "any", "all", "none", "count", "first",
      "firstOrNull", "last", "lastOrNull", "find", "findLast", "indexOfFirst", "indexOfLast",
      "sumOf", "maxByOrNull", "minByOrNull", "maxOf", "minOf", "sortedBy", "sortedByDescending",
      "groupBy", "associate", "associateBy", "associateWith", "partition", "fold", "reduce",
      "takeWhile", "dropWhile", "distinctBy", "let", "also", "apply", "run", "with", "takeIf",
      "takeUnless", "repeat", "buildString", "buildList", "getOrElse", "getOrPut", "ifEmpty",
      "ifBlank", "mapValues", "mapKeys", "filterKeys", "filterValues", "single", "replaceFirstChar");

  private InlineLambdas() {}

  static boolean inline(BuiltinFunction f) {
    return f != null && INLINE.contains(f.name())
        && (f.owner() == null || !f.owner().endsWith("Scope"));
  }
}
