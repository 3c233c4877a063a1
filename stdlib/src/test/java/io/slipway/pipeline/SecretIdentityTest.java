package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a pipeline can compute from a {@code Secret} depends on its value (issue 11 item 7:
 * {@code hashCode()} let a 4-digit PIN be recovered offline): its hash, a data class or a
 * collection holding it, and equality between two secrets with the same value.
 */
class SecretIdentityTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      data class Login(val user: String, val pin: Secret)
      pipeline("p") {
          stage("s") {
              val pin = secret("PIN")
              echo("hash ${pin.hashCode()}")
              echo("data ${Login("ada", pin).hashCode()}")
              echo("list ${listOf(pin).hashCode()}")
              echo("map ${mapOf("k" to pin).hashCode()}")
              echo("same value, other name: ${pin == secret("OTHER")}")
              echo("same name: ${pin == secret("PIN")}")
          }
      }
      """;

  private List<String> run(String pin) throws Exception {
    var env = new HashMap<>(System.getenv());
    env.putAll(Map.of("PIN", pin, "OTHER", pin));
    var out = TestRuns.run(TestRuns.REGISTRY, dir, SOURCE, o -> o.withEnvironment(env));
    assertThat(out.result().exitCode()).as(String.valueOf(out.result().error())).isZero();
    return out.logs("s");
  }

  @Test
  void hashesAndEqualityDoNotDependOnTheValue() throws Exception {
    List<String> first = run("1234");
    List<String> second = run("9876");
    assertThat(first).isEqualTo(second);
    assertThat(first).contains("same value, other name: false", "same name: true");
  }
}
