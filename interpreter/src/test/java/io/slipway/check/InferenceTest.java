package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import org.junit.jupiter.api.Test;

/** Local inference, generics, lambdas, operators. */
class InferenceTest extends CheckerHarness {

  /** The checked type of the initializer of the last top-level `val`. */
  static String typeOfLast(String src) {
    Result r = assertValid(src);
    var items = r.program().main().items();
    Expr init = null;
    for (Stmt s : items) {
      if (s instanceof Stmt.VarDecl v) {
        init = v.init();
      }
    }
    Type t = r.program().types().type(init);
    return t.toString();
  }

  @Test
  void literalsAndValTypes() {
    assertThat(typeOfLast("val x = 1")).isEqualTo("Int");
    assertThat(typeOfLast("val x = 1.5")).isEqualTo("Double");
    assertThat(typeOfLast("val x = \"a\"")).isEqualTo("String");
    assertThat(typeOfLast("val x = true")).isEqualTo("Bool");
    assertThat(typeOfLast("val a = 1\nval x = a")).isEqualTo("Int");
  }

  @Test
  void genericsFromArguments() {
    assertThat(typeOfLast("val x = listOf(1, 2)")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = mapOf(\"a\" to 1)")).isEqualTo("Map<String, Int>");
    assertThat(typeOfLast("val x = listOf(1, null)")).isEqualTo("List<Int?>");
    assertThat(typeOfLast("val x = listOf(1, \"a\")")).isEqualTo("List<Any>");
    assertThat(typeOfLast("val x = 1 to \"a\"")).isEqualTo("Pair<Int, String>");
    assertThat(typeOfLast("val x = listOf(1, 2).map { it * 2 }")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = listOf(1, 2).map { \"n$it\" }")).isEqualTo("List<String>");
    assertThat(typeOfLast("val x = listOf(1, 2).map { n -> n * 1.5 }")).isEqualTo("List<Double>");
    assertThat(typeOfLast("val x = listOf(\"a\").filter { it.length > 0 }.map { it.length }")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = mutableListOf(1)")).isEqualTo("MutableList<Int>");
    assertThat(typeOfLast("val x = listOf(listOf(1))")).isEqualTo("List<List<Int>>");
    assertThat(typeOfLast("val x = retry(3) { \"ok\" }")).isEqualTo("String");
    assertThat(typeOfLast("val x = (1 to \"a\").second")).isEqualTo("String");
    assertThat(typeOfLast("val x = listOf(\"a\", null).filterNotNull()")).isEqualTo("List<String>");
    assertThat(typeOfLast("val x = 1..3")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = 1 until 3")).isEqualTo("List<Int>");
  }

  @Test
  void expectedTypeGuidesEmptyCollections() {
    assertValid("val xs: List<String> = listOf()");
    assertValid("val xs: MutableList<String> = mutableListOf()\nxs.add(\"a\")");
    assertValid("val m: Map<String, Int> = mapOf()");
    assertInvalid(Code.E0209, "cannot infer", "val xs = mutableListOf()");
  }

  @Test
  void lambdas() {
    assertValid("val f = { x: Int -> x + 1 }\nval y: Int = f(2)");
    assertInvalid(Code.E0209, "cannot infer the type of lambda parameter `x`", "val f = { x -> x }");
    assertValid("listOf(1).forEach { echo(it) }");
    assertValid("val s: List<String> = listOf(1).map { it.toString() }");
    assertInvalid(Code.E0203, "expected Bool, found Int", "val s: List<String> = listOf(\"a\").filter { 1 }");
    assertValid("val n = listOf(1, 2).first { it > 1 }");
    assertValid("val n = listOf(1, 2).first()");
    assertInvalid(Code.E0203, "lambda", "listOf(1).map { a, b -> a }");
    assertInvalid(Code.E0203, "expected Int, found String", "listOf(1).map { x: String -> x }");
    assertValid("listOf(1).map { x: Any -> x }");
  }

  @Test
  void arithmeticAndUnits() {
    assertThat(typeOfLast("val x = 1 + 2")).isEqualTo("Int");
    assertThat(typeOfLast("val x = 1 + 2.0")).isEqualTo("Double");
    assertThat(typeOfLast("val x = 7 / 2")).isEqualTo("Int");
    assertThat(typeOfLast("val x = \"a\" + 1")).isEqualTo("String");
    assertThat(typeOfLast("val x = 1.seconds + 2.minutes")).isEqualTo("Duration");
    assertThat(typeOfLast("val x = 2 * 30.seconds")).isEqualTo("Duration");
    assertThat(typeOfLast("val x = 30.seconds * 2")).isEqualTo("Duration");
    assertThat(typeOfLast("val x = 30.seconds / 2")).isEqualTo("Duration");
    assertThat(typeOfLast("val x = 30.seconds / 2.seconds")).isEqualTo("Double");
    assertThat(typeOfLast("val x = -5.seconds")).isEqualTo("Duration");
    assertThat(typeOfLast("val x = 64.mb + 1.mb")).isEqualTo("ByteSize");
    assertThat(typeOfLast("val x = listOf(1) + 2")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = listOf(1) + listOf(2)")).isEqualTo("List<Int>");
    assertThat(typeOfLast("val x = mapOf(\"a\" to 1) + (\"b\" to 2)")).isEqualTo("Map<String, Int>");
    assertThat(typeOfLast("val x = 1.seconds < 2.seconds")).isEqualTo("Bool");
    assertThat(typeOfLast("val x = 1 < 2.5")).isEqualTo("Bool");
    assertThat(typeOfLast("val x = 2 in listOf(1, 2)")).isEqualTo("Bool");
    assertThat(typeOfLast("val x = \"a\" in mapOf(\"a\" to 1)")).isEqualTo("Bool");
    assertThat(typeOfLast("val x = \"ab\" in \"abc\"")).isEqualTo("Bool");
  }

  @Test
  void operatorErrors() {
    assertInvalid(Code.E0201, "operator `-` cannot be applied to `String` and `Int`", "val x = \"a\" - 1");
    assertInvalid(Code.E0201, "`Bool` and `Int`", "val x = true + 1");
    assertInvalid(Code.E0201, "`Int` and `String`", "val x = 1 + \"a\"");
    assertInvalid(Code.E0201, "`Duration` and `Int`", "val x = 1.seconds + 1");
    assertInvalid(Code.E0201, "`Int` and `String`", "val x = 1 < \"a\"");
    assertInvalid(Code.E0201, "`!`", "val x = !1");
    assertInvalid(Code.E0201, "`&&`", "val x = 1 && true");
    assertInvalid(Code.E0201, "`Int` and `List<String>`", "val x = 1 in listOf(\"a\")");
    assertInvalid(Code.E0201, "cannot be indexed", "val x = 1[0]");
  }

  @Test
  void mismatches() {
    assertInvalid(Code.E0203, "type mismatch: expected Int, found String", "val x: Int = \"a\"");
    assertInvalid(Code.E0203, "expected Double, found Int", "val x: Double = 1");
    assertInvalid(Code.E0203, "expected List<String>, found List<Int>", "val x: List<String> = listOf(1)");
    assertInvalid(Code.E0203, "expected MutableList<Any>, found MutableList<Int>",
        "val a = mutableListOf(1)\nval x: MutableList<Any> = a");
    assertValid("val x: List<Any> = listOf(1)");
    assertValid("val x: Any? = null");
    assertValid("val x: Int? = 1");
  }

  @Test
  void durationHint() {
    Result r = assertInvalid(Code.E0203, "type mismatch: expected Duration, found Int", "timeout(30) { echo(1) }");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `30.seconds`?");
    assertInvalid(Code.E0203, "expected Duration, found Int", "sleep(5)");
  }

  @Test
  void percentRange() {
    assertValid("val p = 20.percent");
    assertValid("val p = 100.percent");
    assertInvalid(Code.E0208, "`150.percent` is out of range", "val p = 150.percent");
  }

  @Test
  void whenAndIfExpressions() {
    assertThat(typeOfLast("val x = if (true) 1 else 2")).isEqualTo("Int");
    assertThat(typeOfLast("val x = if (true) 1 else null")).isEqualTo("Int?");
    assertThat(typeOfLast("val b = true\nval x = when (b) { true -> \"y\"\n false -> \"n\" }")).isEqualTo("String");
    assertThat(typeOfLast("val n = 3\nval x = when (n) { 1 -> \"one\"\n else -> \"many\" }")).isEqualTo("String");
    assertThat(typeOfLast("val n = 3\nval x = when { n > 2 -> 1\n else -> 2 }")).isEqualTo("Int");
    assertInvalid(Code.E0206, "`when` used as an expression must be exhaustive",
        "val n = 3\nval x = when (n) { 1 -> \"one\" }");
    assertInvalid(Code.E0206, "exhaustive", "val b = true\nval x = when (b) { true -> 1 }");
    assertValid("val n = 3\nwhen (n) { 1 -> echo(\"one\") }");
    assertInvalid(Code.E0202, "condition must be `Bool`, found `Int`", "if (1) { echo(1) }");
    assertInvalid(Code.E0202, "condition must be `Bool`", "while (\"x\") { }");
    assertInvalid(Code.E0202, "condition must be `Bool`", "val n = 1\nval x = when { n -> 1\n else -> 2 }");
  }

  @Test
  void tryCatch() {
    assertThat(typeOfLast("val x = try { 1 } catch (e: Error) { 2 }")).isEqualTo("Int");
    assertValid("try { sh(\"make\") } catch (e: StepFailed) { echo(e.result.exitCode) } finally { echo(\"done\") }");
    assertValid("try { sh(\"make\") } catch (e: Error) { echo(e.message) }");
    assertInvalid(Code.E0203, "expected an `Error` type, found Int", "try { echo(1) } catch (e: Int) { }");
    assertInvalid(Code.E0203, "expected an `Error`", "fun f(): Int { throw 1 }");
  }
}
