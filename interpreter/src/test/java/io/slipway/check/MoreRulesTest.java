package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import org.junit.jupiter.api.Test;

/** Resolution corner cases and early-exit smart casts. */
class MoreRulesTest extends CheckerHarness {

  @Test
  void valueAndFunctionOfTheSameName() {
    assertValid("val image = \"x\"\nval i = image(\"alpine\")\nval s: String = image");
    // a user function shadows the builtin of its name, with a warning (issue 10 item 6)
    assertInvalid(Code.W0301, "shadows the standard-library function `echo`",
        "fun echo(x: Int): Int = x\nval n: Int = echo(1)");
  }

  @Test
  void expectedTypeWidensInferredTypeArguments() {
    assertValid("sh(\"make\", env = mapOf(\"A\" to \"b\", \"T\" to secret(\"T\")))");
    assertValid("val xs: List<Any?> = listOf(1, \"a\", null)");
    assertValid("val xs: List<String?> = listOf(\"a\")");
    // an expected `Any` is only an upper bound: it must not widen what the arguments say
    assertValid("echo(listOf(1, 2).map { it * 2 }.first() + 1)");
    assertValid("echo(listOf(1).first { it > 0 } ?: \"none\")");
    assertValid("echo(listOf(1).firstOrNull() ?: \"none\")\nval n: Int = listOf(1).firstOrNull() ?: 0");
    assertInvalid(Code.E0203, "expected List<String>, found List<Int>", "val xs: List<String> = listOf(1, 2)");
  }

  @Test
  void elvisWithNothing() {
    assertValid("fun f(s: String?): Int { val t = s ?: error(\"none\")\nreturn t.length }");
    assertValid("fun f(s: String?): Int { val t = s ?: return 0\nreturn t.length }");
    assertValid("fun f(xs: List<Int>): Int { for (x in xs) { val y = if (x > 1) x else continue\necho(y) }\nreturn 0 }");
  }

  @Test
  void receiversOfOuterLambdasAreHiddenByTheInnerOne() {
    // post's `always` body has no receiver of its own, so `post`'s members stay visible (as Kotlin)
    assertValidPipeline("pipeline(\"p\") { post { always { echo(\"x\") } } }");
    assertInvalidPipeline(Code.E0402, "`env`", "pipeline(\"p\") { post { env(\"A\" to \"b\") } }");
  }

  @Test
  void nestedLambdasAndIt() {
    assertValid("val xs = listOf(listOf(1, 2)).map { it.map { it * 2 } }\nval n: List<List<Int>> = xs");
    assertValid("val f: (Int) -> Int = { it + 1 }\nval g: (Int, Int) -> Int = { a, b -> a + b }\nval n: Int = f(1) + g(1, 2)");
    assertInvalid(Code.E0203, "expected (Int) -> String, found (Int) -> Int",
        "val f: (Int) -> Int = { it }\nval g: (Int) -> String = f");
  }

  @Test
  void anIfWithoutElseAsAValueIsOneErrorWhereItIsWritten() {
    // before: no error at the `if`, then E0201 at the use of `n` (`Unit + Int`)
    Result r = assertInvalid(Code.E0203, "`if` without `else` has no value: `n` would be `Unit`",
        "val b = true\nval n = if (b) 1\necho(n + 1)\nval m: Int = n");
    assertThat(r.diagnostics().get(0).span().start()).isEqualTo(
        "val b = true\nval n = ".length());
    assertValid("val b = true\nval n = if (b) 1 else 0\necho(n + 1)");
    assertValid("val b = true\nfun f() { if (b) echo(1) }");
  }

  @Test
  void whenSubjectsAndRanges() {
    assertValid("val n = 5\nval s = when (n) { in 1..3 -> \"low\"\n 4, 5 -> \"mid\"\n else -> \"high\" }");
    assertInvalid(Code.E0203, "expected Int, found String", "val n = 5\nval s = when (n) { \"a\" -> 1\n else -> 2 }");
    assertValid("val b = true\nval s: String = when (b) { true -> \"y\"\n false -> \"n\" }");
  }

  @Test
  void everyErrorOfEveryFileAtOnce() {
    Result r = check("import \"lib.slip\"\nval a: Int = \"x\"\npipeline(\"p\") { stage(\"s\") { nope() } }", true,
        java.util.Map.of("lib.slip", "fun f(): Int = \"y\"\nval q = zzz"));
    assertThat(r.diagnostics()).extracting(d -> d.file().name() + ":" + d.code())
        .containsExactly("lib.slip:E0203", "lib.slip:E0301", "test.slip:E0203", "test.slip:E0301");
  }

  @Test
  void compoundAssignmentReportsOnce() {
    assertInvalid(Code.E0301, "unknown name `nope`", "val xs = mutableListOf(1)\nxs[nope] += 1");
    assertInvalid(Code.E0301, "unknown name `nope`", "nope += 1");
    assertInvalid(Code.E0304, "cannot assign to `n`", "val n = 1\nn += 1");
    assertInvalid(Code.E0203, "expected Int, found String", "val xs = mutableListOf(1)\nxs[\"a\"] += 1");
    assertInvalid(Code.E0201, "operator `+`", "val m = mutableMapOf(\"a\" to 1)\nm[\"a\"] += 1");
    assertValid("var xs = mutableListOf(1)\nxs += 2\nval m = mutableMapOf(\"a\" to 1)\nm += \"b\" to 2");
    assertInvalid(Code.E0203, "`+=` gives List<Any>, but the target is List<Int>", "var s = listOf(1)\ns += \"a\"");
    assertValid("var d = 1.seconds\nd += 2.seconds\nvar s = \"a\"\ns += 1");
  }

  @Test
  void branchMismatchesPointAtTheBranch() {
    Result r = assertInvalid(Code.E0203, "expected Int, found String", "val c = true\nval x: Int = if (c) 1 else \"a\"");
    assertThat(r.diagnostics().get(0).column()).isEqualTo(28);
    r = assertInvalid(Code.E0203, "expected Int, found String",
        "val c = true\nval x: Int = if (c) { 1 } else { echo(1)\n\"a\" }");
    assertThat(r.diagnostics().get(0).line()).isEqualTo(3);
    assertInvalid(Code.E0203, "expected String, found Int", "val n = 1\nval s: String = when (n) { 1 -> \"a\"\n else -> 2 }");
    Result noElse = assertInvalid(Code.E0203, "expected Int, found Unit", "val c = true\nval x: Int = if (c) 1");
    assertThat(noElse.diagnostics().get(0).hint()).contains("add an `else` branch");
    assertValid("val c = true\nval x: Int? = if (c) 1 else null\nval y: Any = if (c) 1 else \"a\"");
  }

  @Test
  void typeTableCoversExpressions() {
    Result r = assertValid("val x = listOf(1).map { it + 1 }.size");
    assertThat(r.program().types().size()).isGreaterThan(5);
  }
}
