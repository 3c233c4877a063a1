package io.slipway.stdlib.docs;

import java.util.List;

/**
 * The Kotlin declaration and control-flow forms Slipway accepts beyond the basics, listed by
 * {@code slipway docs} after the builtins (they are syntax, so no builtin declaration holds them).
 * Each example is checked by the language's golden tests (stdlib snippets run/lang/kotlin_*).
 */
final class LanguageForms {
  /** One form: what it is, and how it is written. */
  record Form(String name, String example) {}

  static final String INTRO = "Kotlin forms Slipway accepts (spec: where the reference is silent, "
      + "follow Kotlin).";

  static final List<Form> FORMS = List.of(
      new Form("enum class", "enum class Env(val host: String) { DEV(\"d\"), PROD(\"p\"); fun url() = \"https://$host\" }"
          + " — `Env.PROD`, `name`, `ordinal`, `Env.valueOf(s)`, `Env.values()`, `Env.entries`; `when` over one is exhaustive"),
      new Form("data class body", "data class Node(val name: String) { fun url() = \"$name:80\"; val short: String get() = name.take(3) }"),
      new Form("var in a class body", "data class Svc(val name: String) { var hits = 0; fun hit() { hits += 1 } } (per instance; not in equals, toString, copy)"),
      new Form("object", "object Defaults { const val RETRIES = 3; fun image(n: String) = \"reg/$n\" }"),
      new Form("const val, typealias", "const val PORT = 8080; typealias Hosts = Map<String, Int>"),
      new Form("extension function / property", "fun String.slug() = lowercase(); val String.slug2: String get() = ..."),
      new Form("generic function", "fun <T : Any> firstOr(xs: List<T?>, fallback: T): T = xs.firstOrNull() ?: fallback"),
      new Form("explicit type arguments", "emptyList<String>(), mutableMapOf<String, Int>()"),
      new Form("callable reference", "xs.filter(::isLong), xs.map(String::length)"),
      new Form("bound reference", "xs.map(\"v1\"::startsWith), paths.map(this::url), val f = prefix::equals"),
      new Form("run block", "val tag = run { val v = \"1.2\"; \"app:$v\" } (an overload beside Docker's run(image = ..), chosen by the arguments)"),
      new Form("vararg and spread", "fun tags(vararg names: String) = ...; tags(\"a\", *more)"),
      new Form("labels", "outer@ for (x in xs) { ... break@outer }, xs.forEach { if (it < 0) return@forEach }, xs.map lit@{ return@lit 0 }"),
      new Form("non-local return", "fun f(xs: List<Int>): Int? { xs.forEach { if (it > 0) return it }; return null } (forEach, map, filter, ... run their lambda inline)"),
      new Form("multi-dollar string", "sh($$\"\"\"for f in a b; do echo \"$f $$name $${expr}\"; done\"\"\") — only $$name / $${expr} interpolate"),
      new Form("escaped dollar", "\"costs \\$5\", \"${'$'}HOME\""),
      new Form("soft keywords", "`data`, `param`, `import`, `enum`, `object`, `const` are names where they do not start a declaration"),
      new Form("shadowing", "a user type or function named like a standard one is used instead of it (warning W0301)"));

  private LanguageForms() {}
}
