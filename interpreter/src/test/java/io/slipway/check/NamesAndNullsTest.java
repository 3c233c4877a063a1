package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import org.junit.jupiter.api.Test;

/** Names, did-you-mean, duplicates, assignment, nullability and smart casts. */
class NamesAndNullsTest extends CheckerHarness {

  @Test
  void unknownNamesWithSuggestions() {
    Result r = assertInvalid(Code.E0301, "unknown name `ech`", "ech(\"hi\")");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `echo`?");
    r = assertInvalid(Code.E0301, "unknown name `countr`", "val counter = 1\nval y = countr + 1");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `counter`?");
    r = assertInvalid(Code.E0302, "unknown member `trimm` of `String`", "val s = \" a \".trimm()");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `trim`?");
    r = assertInvalid(Code.E0302, "unknown member `lenght` of `String`", "val n = \"a\".lenght");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `length`?");
    r = assertInvalid(Code.E0210, "unknown type `Strin`", "val s: Strin = \"a\"");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `String`?");
    assertInvalid(Code.E0214, "`List` takes 1 type argument, found 2", "val s: List<Int, Int> = listOf()");
  }

  @Test
  void oneDiagnosticPerMistake() {
    // an unknown name used five times: one error per use site, nothing downstream
    Result r = check("val a = nope.trim().length + nope.x + nope(1).y.z + listOf(nope).map { it.q } + nope", false,
        java.util.Map.of());
    assertThat(r.diagnostics()).extracting(d -> d.code()).containsOnly(Code.E0301).hasSize(5);
    // an error type flows through a val without further reports
    r = check("val a = nope\nval b = a.trim()\nval c = b + 1\necho(c.foo)", false, java.util.Map.of());
    assertThat(r.diagnostics()).hasSize(1);
    // a lambda passed to an unknown function, or to nothing, does not report its `it`
    r = check("listOf(1).forEachh { echo(it.x) }\necho(1) { it.y }", false, java.util.Map.of());
    assertThat(r.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0302, Code.E0307);
    // a wrong argument does not make the call's result an error too
    r = check("val n: Int = \"a\".length + listOf(1).map { it.trimm() }.size", false, java.util.Map.of());
    assertThat(r.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0302);
  }

  @Test
  void duplicatesAndAssignment() {
    Result r = assertInvalid(Code.E0303, "`x` is already declared in this scope", "val x = 1\nval x = 2");
    assertThat(r.diagnostics().get(0).related()).hasSize(1);
    assertInvalid(Code.E0303, "`f` is already declared", "fun f() = 1\nfun f() = 2");
    assertValid("val x = 1\nfun f() { val x = \"shadow\"\necho(x) }");
    r = assertInvalid(Code.E0304, "cannot assign to `x`: it is a `val`", "val x = 1\nx = 2");
    assertThat(r.diagnostics().get(0).related()).hasSize(1);
    assertValid("var x = 1\nx = 2\nx += 3");
    assertInvalid(Code.E0203, "expected Int, found String", "var x = 1\nx = \"a\"");
    assertInvalid(Code.E0304, "read-only", "val xs = listOf(1)\nxs[0] = 2");
    assertValid("val xs = mutableListOf(1)\nxs[0] = 2\nxs += 3");
    assertValid("val m = mutableMapOf(\"a\" to 1)\nm[\"b\"] = 2");
    assertInvalid(Code.E0304, "read-only", "val s = \"a\"\ns.length = 2");
  }

  @Test
  void nullability() {
    Result r = assertInvalid(Code.E0204, "unsafe call of `trim` on a nullable value of type `String?`",
        "val s: String? = null\nval t = s.trim()");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("use `?.` or `!!`");
    assertInvalid(Code.E0204, "unsafe access to `length`", "val s: String? = null\nval n = s.length");
    assertInvalid(Code.E0204, "of type `null`", "val s = null\nval n = s.length");
    assertValid("val s: String? = null\nval t: String? = s?.trim()");
    assertValid("val s: String? = null\nval t: String = s ?: \"d\"");
    assertValid("val s: String? = null\nval t: String = s!!.trim()");
    assertValid("val s: String? = null\nval n: Int? = s?.length");
    assertInvalid(Code.E0203, "expected String, found String?", "val s: String? = null\nval t: String = s");
    assertInvalid(Code.E0203, "expected String, found null", "val t: String = null");
    assertInvalid(Code.E0201, "operator `+`", "val a: Int? = 1\nval b = a + 1");
  }

  @Test
  void smartCasts() {
    assertValid("fun f(s: String?): Int { if (s != null) { return s.length }\nreturn 0 }");
    assertValid("fun f(s: String?): Int = if (s == null) 0 else s.length");
    assertValid("fun f(s: String?): Int { if (s == null) { return 0 }\nreturn s.length }");
    assertValid("fun f(s: String?): Int { if (s == null) return 0\nreturn s.length }");
    assertValid("fun f(s: String?): Int { if (s == null) { error(\"none\") }\nreturn s.length }");
    assertValid("fun f(s: String?): Bool = s != null && s.length > 2");
    assertValid("fun f(s: String?): Bool = s == null || s.length > 2");
    assertValid("fun f(a: Any): Int = if (a is String) a.length else 0");
    assertValid("fun f(a: Any): Int = when (a) { is String -> a.length\n else -> 0 }");
    assertValid("fun f(s: String?): Int = when (s) { null -> 0\n else -> s.length }");
    assertInvalid(Code.E0204, "unsafe", "fun f(s: String?): Int = when (s) { \"a\" -> 1\n else -> s.length }");
    assertValid("fun f(s: String?): Int { if (s !is String) return 0\nreturn s.length }");
    assertInvalid(Code.E0204, "unsafe", "fun f(s: String?): Bool = s != null || s.length > 2");
    assertInvalid(Code.E0204, "unsafe", "var s: String? = \"a\"\nif (s != null) { s = null\necho(s.length) }");
    assertValid("data class T(val host: String?)\nfun f(t: T): String = if (t.host != null) t.host else \"-\"");
    assertValid("data class T(val host: String?)\nfun f(t: T): Int { if (t.host == null) return 0\nreturn t.host.length }");
    assertInvalid(Code.E0203, "expected String, found String?",
        "data class T(var host: String?)\nfun f(t: T): String = if (t.host != null) t.host else \"-\"");
    assertValid("var s: String? = null\nif (s == null) { s = \"a\"\necho(s.length) }");
    assertInvalid(Code.E0204, "unsafe", "fun f(s: String?): Int { if (s == null) { echo(\"x\") }\nreturn s.length }");
  }

  @Test
  void secrets() {
    assertInvalid(Code.E0205, "a Secret cannot be interpolated into a string",
        "val pw = secret(\"PW\")\necho(\"pw=$pw\")");
    assertInvalid(Code.E0205, "a Secret cannot be concatenated with a string",
        "val pw = secret(\"PW\")\nval s = \"pw=\" + pw");
    assertInvalid(Code.E0205, "a Secret cannot be used as a `String`", "val s: String = secret(\"PW\")");
    assertInvalid(Code.E0205, "a Secret cannot be used as a `String`", "sh(secret(\"PW\"))");
    assertInvalid(Code.E0205, "no `toString()`", "val s = secret(\"PW\").toString()");
    assertValid("login(\"ci\", secret(\"PW\"))");
    assertValid("withEnv(\"TOKEN\" to secret(\"T\"), \"A\" to \"b\") { sh(\"make\") }");
    assertValid("sh(\"make\", env = mapOf(\"TOKEN\" to secret(\"T\")))");
    Result r = assertValid("val a = secret(\"A\")\nfun f() = secret(\"B\")");
    assertThat(r.program().secretNames()).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void loopsAndReturns() {
    assertValid("for (x in listOf(1, 2)) { echo(x + 1) }");
    assertValid("for ((k, v) in mapOf(\"a\" to 1)) { echo(k + v) }");
    assertValid("for (i in 1..3) { if (i == 2) continue\nif (i > 2) break }");
    assertValid("for ((a, b) in listOf(1 to \"x\")) { val s: String = b }");
    assertInvalid(Code.E0203, "expected a List, Map or String", "for (x in 3) { }");
    assertInvalid(Code.E0212, "`break` is only allowed inside a loop", "break");
    assertInvalid(Code.E0212, "`continue`", "fun f() { continue }");
    assertInvalid(Code.E0212, "`break`", "for (x in listOf(1)) { listOf(2).forEach { break } }");
    assertInvalid(Code.E0213, "`return` is only allowed inside a function", "return");
    assertValid("var i = 0\nwhile (i < 3) { i += 1 }\ndo { i -= 1 } while (i > 0)");
  }

  @Test
  void functions() {
    assertValid("fun f(a: Int, b: Int = 2): Int = a + b\nval x: Int = f(1)\nval y = f(b = 3, a = 1)");
    assertValid("fun f(n: Int) = n * 2\nval x: Int = f(2)");
    assertValid("val x: Int = g(2)\nfun g(n: Int) = n * 2");
    assertInvalid(Code.E0209, "cannot infer the return type of `f`", "fun f(n: Int) = f(n)");
    assertValid("fun f(n: Int): Int = if (n < 1) 1 else n * f(n - 1)");
    assertInvalid(Code.E0207, "returns a value but declares no return type", "fun f() { return 1 }");
    assertInvalid(Code.E0207, "must return a value of type `Int`", "fun f(): Int { echo(1) }");
    assertInvalid(Code.E0207, "must return a value", "fun f(): Int { return }");
    assertValid("fun f(x: Int): Int { if (x > 1) { return 1 } else { return 2 } }");
    assertValid("fun f(x: Int): String { when { x > 1 -> return \"a\"\n else -> return \"b\" } }");
    assertInvalid(Code.E0203, "expected Int, found String", "fun f(): Int = \"a\"");
    assertInvalid(Code.E0211, "is not a function", "val x = 1\nx()");
  }
}
