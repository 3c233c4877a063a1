package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A secret's name must be known before the run (issue 11 item 6): the checker proves what each
 * computed name can be, so every candidate is read and masked before the first stage, and says
 * where a name cannot be known.
 */
class SecretNamesTest extends CheckerHarness {

  private static Set<String> candidates(Result r, Map<String, Object> params) {
    var all = new java.util.TreeSet<String>();
    r.program().computedSecretNames().forEach(n -> all.addAll(n.candidates(params::get)));
    return all;
  }

  @Test
  void namesBuiltFromParamsValsAndBranchesAreKnown() {
    Result r = assertValidPipeline("""
        param which = "DEPLOY"
        param prod: Bool = false
        val prefix = "TOKEN_"
        val suffix = if (params.prod) "PROD" else "DEV"
        pipeline("p") {
            stage("a") {
                val t = secret(params.which)
                val u = secret("$prefix${params.which}_$suffix")
                val v = secret((when (params.which) { "x" -> "X_KEY"; else -> "OTHER" }).lowercase())
                val w = secret(prefix + "FIXED")
            }
            matrix("env" to listOf("staging", "prod")) {
                stage("deploy-$env") { val k = secret("KEY_${env.uppercase()}") }
            }
        }
        """);
    assertThat(candidates(r, Map.of("which", "DEPLOY", "prod", false))).containsExactly(
        "DEPLOY", "KEY_PROD", "KEY_STAGING", "TOKEN_DEPLOY_DEV", "TOKEN_DEPLOY_PROD",
        "TOKEN_FIXED", "other", "x_key");
    assertThat(r.program().secretNames()).isEmpty();
  }

  @Test
  void aFunctionParameterIsNotKnown() {
    assertInvalidPipeline(Code.E0508, "the name of this secret is not known before the run", """
        fun loginTo(registry: String) = secret("${registry}_PASSWORD")
        pipeline("p") { stage("a") { loginTo("hub") } }
        """);
  }

  @Test
  void aVarOrARunTimeValueIsNotKnown() {
    assertInvalidPipeline(Code.E0508, "`name` is a `var`", """
        var name = "A"
        pipeline("p") { stage("a") { secret(name) } }
        """);
    assertInvalidPipeline(Code.E0508, "not known before the run", """
        pipeline("p") { stage("a") { secret(sh("cat name").stdout.trim()) } }
        """);
  }

  @Test
  void literalNamesStayRequiredNames() {
    Result r = assertValidPipeline("""
        pipeline("p") { stage("a") { secret("TOKEN") } }
        """);
    assertThat(r.program().secretNames()).containsExactly("TOKEN");
    assertThat(r.program().computedSecretNames()).isEmpty();
  }
}
