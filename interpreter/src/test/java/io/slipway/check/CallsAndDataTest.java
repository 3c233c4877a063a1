package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import org.junit.jupiter.api.Test;

/** Argument matching (E0305–E0308), data classes. */
class CallsAndDataTest extends CheckerHarness {

  @Test
  void namedDefaultAndVarargs() {
    assertValid("sh(\"make\", check = false, quiet = true)");
    assertValid("sh(command = listOf(\"make\", \"test\"))");
    assertValid("val r = sh(\"x\").stdout.trim()");
    Result r = assertInvalid(Code.E0305, "`sh` has no parameter named `chek`", "sh(\"make\", chek = false)");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `check`?");
    assertInvalid(Code.E0306, "missing argument `command` in call to `sh`", "sh(check = false)");
    assertInvalid(Code.E0305, "no parameter named `comand`", "sh(comand = \"make\")");
    assertInvalid(Code.E0307, "too many arguments", "echo(1, 2)");
    assertInvalid(Code.E0307, "trailing lambda", "echo(1) { }");
    assertInvalid(Code.E0308, "argument `check` is given twice", "sh(\"a\", check = true, check = false)");
    assertInvalid(Code.E0308, "given twice", "echo(1, message = 2)");
    assertValid("val xs = listOf(1, 2, 3, 4)");
    assertValid("val xs = listOf<Int>()".replace("<Int>", ""));
    assertInvalid(Code.E0203, "expected String | List<String>, found Int", "sh(1)");
    assertInvalid(Code.E0203, "expected Pair<String, String | Secret>, found Int", "withEnv(1) { }");
  }

  @Test
  void dataClasses() {
    String decl = "data class Target(val host: String, val port: Int = 2376, var tags: List<String> = listOf())\n";
    assertValid(decl + "val t = Target(\"h\")\nval p: Int = t.port\nval h: String = t.host");
    assertValid(decl + "val t = Target(host = \"h\", port = 1)\nval u: Target = t.copy(port = 2)");
    assertValid(decl + "val t = Target(\"h\")\nval same: Bool = t == t.copy()\necho(t.toString())");
    assertValid(decl + "val t = Target(\"h\")\nt.tags = listOf(\"a\")");
    assertValid(decl + "val (h, p) = Target(\"h\")\nval n: Int = p");
    assertInvalid(Code.E0306, "missing argument `host` in call to `Target`", decl + "val t = Target(port = 1)");
    assertInvalid(Code.E0305, "no parameter named `prot`", decl + "val t = Target(\"h\").copy(prot = 1)");
    assertInvalid(Code.E0302, "unknown member `hots` of `Target`", decl + "val h = Target(\"h\").hots");
    assertInvalid(Code.E0304, "cannot assign to `port`", decl + "val t = Target(\"h\")\nt.port = 2");
    assertInvalid(Code.E0203, "expected Int, found String", decl + "val t = Target(\"h\", \"p\")");
    assertInvalid(Code.E0303, "type `Target` is already declared", decl + decl);
    assertValid("data class R(val x: Int, val y: Int = x * 2)\nval r = R(1)");
    assertInvalid(Code.E0301, "unknown name `y`", "data class R(val x: Int = y, val y: Int = 1)");
    assertValid(decl + "fun describe(t: Target): String = \"${t.host}:${t.port}\"");
    assertValid(decl + "val ts: List<Target> = listOf(Target(\"a\"), Target(\"b\"))\nval ports = ts.map { it.port }");
  }

  @Test
  void isAndAs() {
    assertValid("val a: Any = 1\nval n: Int = a as Int\nval m: Int? = a as? Int\nval b: Bool = a is String");
    assertInvalid(Code.E0210, "unknown type `Strng`", "val a: Any = 1\nval b = a is Strng");
  }

  @Test
  void jsonAndIndexing() {
    assertValid("val j = json(\"{}\")\nval x = j[\"a\"][0]");
    assertValid("val xs = listOf(1)\nval n: Int = xs[0]");
    assertValid("val m = mapOf(\"a\" to 1)\nval n: Int? = m[\"a\"]");
    assertInvalid(Code.E0203, "expected Int, found String", "val xs = listOf(1)\nval n = xs[\"a\"]");
  }
}
