package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -p NAME=null} for a nullable param (issue 11 item 10: it was a NullPointerException). */
class NullParamTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      param deployTo: String? = "staging"
      param replicas: Int = 2
      pipeline("p") {
          stage("s") { echo("to ${params.deployTo ?: "nowhere"}, ${params.replicas}") }
      }
      """;

  @Test
  void nullSetsANullableParamToNull() throws Exception {
    var out = TestRuns.run(TestRuns.REGISTRY, dir, SOURCE,
        o -> o.withParams(Map.of("deployTo", "null")));
    assertThat(out.result().exitCode()).as(String.valueOf(out.result().error())).isZero();
    assertThat(out.logs("s")).containsExactly("to nowhere, 2");
  }

  @Test
  void planAcceptsNullToo() throws Exception {
    var plan = TestRuns.plan(dir, SOURCE, Map.of("deployTo", "null"));
    assertThat(plan.ok()).as(String.valueOf(plan.error())).isTrue();
  }

  @Test
  void nullForANonNullableParamIsALocatedUsageError() throws Exception {
    var out = TestRuns.run(TestRuns.REGISTRY, dir, SOURCE,
        o -> o.withParams(Map.of("replicas", "null")));
    assertThat(out.result().exitCode()).isEqualTo(2);
    assertThat(out.result().error()).contains("Slipfile:2:7", "invalid value `null` for param `replicas`");
  }
}
