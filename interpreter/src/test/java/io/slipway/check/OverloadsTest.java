package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Declarations;
import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Types;
import org.junit.jupiter.api.Test;

/**
 * Overloaded builtins: the checker picks the declaration whose parameters accept the call's
 * arguments and records it on the call for the interpreter; when none does, one E0309 names the
 * candidates. Builtins declared on a nullable receiver take one without {@code ?.}.
 */
class OverloadsTest extends CheckerHarness {

  private static BuiltinFunction chosen(Result r, int item) {
    var v = (Stmt.VarDecl) r.program().main().items().get(item);
    return (BuiltinFunction) ((Expr.Call) v.init()).resolution().target();
  }

  @Test
  void theOverloadIsChosenByTheArguments() {
    Result r = assertValid("""
        val a = pick(3)
        val b = pick { 42 }
        val c = pick("x", true)
        val d = pick(count = 2, label = "l")
        val e = pick(name = "n", flag = false)
        """);
    assertThat(chosen(r, 0).params().get(0).name()).isEqualTo("count");
    assertThat(chosen(r, 1).params().get(0).name()).isEqualTo("block");
    assertThat(chosen(r, 2).params().get(0).name()).isEqualTo("name");
    assertThat(chosen(r, 3).params().get(0).name()).isEqualTo("count");
    assertThat(chosen(r, 4).params().get(0).name()).isEqualTo("name");
    assertThat(r.program().types().type(((Stmt.VarDecl) r.program().main().items().get(1)).init()))
        .isEqualTo(Types.INT);
  }

  @Test
  void overloadsOfTheSameShapeAreToldApartByTheArgumentTypes() {
    Result r = assertValid("""
        val s = "x"
        val n = 2
        val a = pick(s, true)
        val b = pick(n, s)
        """);
    assertThat(chosen(r, 2).params().get(0).name()).isEqualTo("name");
    assertThat(chosen(r, 3).params().get(0).name()).isEqualTo("count");
  }

  @Test
  void noFittingOverloadIsOneDiagnosticListingTheCandidates() {
    Result r = assertInvalid(Code.E0309, "no overload of `pick` accepts these arguments", """
        val a = pick(true) { 1 }
        """);
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).hint()).contains("`pick(count: Int, …)`", "`pick(block: () -> R)`",
        "`pick(name: String, flag: Bool)`");
  }

  @Test
  void aBuiltinOnANullableReceiverNeedsNoSafeCall() {
    Result r = assertValid("""
        val s: String? = null
        val t = s.orEmpty()
        """);
    assertThat(r.program().types().type(((Stmt.VarDecl) r.program().main().items().get(1)).init()))
        .isEqualTo(Types.STRING);
    assertInvalid(Code.E0204, "unsafe call of `trim`", """
        val s: String? = null
        val t = s.trim()
        """);
  }

  @Test
  void theSameParametersTwiceAreRejected() {
    var d = new Declarations(new BuiltinRegistry());
    d.type("Any", "any", Object.class);
    d.type("Int", "int", null, "Any");
    d.fn("f").param("a", "Int").doc("d").impl((cx, r, a) -> null);
    d.fn("f").param("b", "Int").param("c", "Int").doc("d").impl((cx, r, a) -> null);
    assertThatThrownBy(() -> d.fn("f").param("x", "Int").doc("d").impl((cx, r, a) -> null))
        .hasMessageContaining("declared twice: f");
    assertThat(d.registry().overloads("f")).hasSize(2);
    assertThat(d.registry().functions()).hasSize(2);
  }
}
