package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Event;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret read under a computed name is masked before the first stage, like one with a literal
 * name (issue 11 item 6): a first stage that prints the environment (where the value also is)
 * shows it masked although the secret is only read by a later stage.
 */
class ComputedSecretNameTest {
  @TempDir Path dir;

  @Test
  void everyNameAComputedSecretCanHaveIsMaskedFromTheStart() throws Exception {
    var env = new HashMap<>(System.getenv());
    env.putAll(Map.of("DEPLOY_TOKEN_STAGING", "st4ging-v4lue", "DEPLOY_TOKEN_PROD", "pr0d-v4lue"));
    var out = TestRuns.run(TestRuns.REGISTRY, dir, """
        param target = "staging"
        pipeline("p") {
            stage("print") {
                sh("echo staging=\\$DEPLOY_TOKEN_STAGING prod=\\$DEPLOY_TOKEN_PROD")
            }
            stage("use") {
                val t = secret("DEPLOY_TOKEN_${params.target.uppercase()}")
                withEnv("T" to t) { sh("test -n \\"\\$T\\"") }
            }
        }
        """, o -> o.withEnvironment(env).withParams(Map.of("target", "prod")));
    assertThat(out.result().exitCode()).as(String.valueOf(out.result().error())).isZero();
    assertThat(out.logs("print")).containsExactly("staging=st4ging-v4lue prod=****");
    assertThat(out.events().stream().filter(e -> e instanceof Event.Log).map(Object::toString))
        .noneMatch(s -> s.contains("pr0d-v4lue"));
  }
}
