package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 2: `${VAR}` and friends, from `env`, then the process, then `.env`. */
class InterpolationTest {
  @TempDir
  Path dir;

  private Fixture compose(String environment) {
    return new Fixture(dir).file("docker-compose.yml", "services:\n  a:\n    image: busybox\n    environment:\n" + environment);
  }

  @Test
  void everyForm() {
    ComposeProject p = compose("""
              PLAIN: $SET
              BRACED: ${SET}-x
              DEF_UNSET: ${UNSET:-d1}
              DEF_EMPTY: ${EMPTY:-d2}
              DASH_EMPTY: ${EMPTY-d3}
              DASH_UNSET: ${UNSET-d4}
              NESTED: ${UNSET:-${SET}!}
              REQUIRED: ${SET:?must be set}
              DOLLAR: $$SET and $${SET}
              TWO: ${SET}${SET}
        """).env("SET", "v").env("EMPTY", "").load();
    assertThat(p.service("a").environment())
        .containsEntry("PLAIN", "v").containsEntry("BRACED", "v-x")
        .containsEntry("DEF_UNSET", "d1").containsEntry("DEF_EMPTY", "d2")
        .containsEntry("DASH_EMPTY", "").containsEntry("DASH_UNSET", "d4")
        .containsEntry("NESTED", "v!").containsEntry("REQUIRED", "v")
        .containsEntry("DOLLAR", "$SET and ${SET}").containsEntry("TWO", "vv");
  }

  @Test
  void envWinsOverTheProcessWhichWinsOverDotEnv() {
    new Fixture(dir).write(".env", "A=from-dotenv\nB=from-dotenv\nC=from-dotenv\n");
    ComposeProject p = compose("      A: $A\n      B: $B\n      C: $C\n")
        .env("A", "from-env").process("A", "from-process").process("B", "from-process").load();
    assertThat(p.service("a").environment())
        .containsEntry("A", "from-env").containsEntry("B", "from-process").containsEntry("C", "from-dotenv");
  }

  @Test
  void requiredVariablesAreLocatedErrorsWithTheirMessage() {
    String out = compose("      X: \"pre-${NEED:?set NEED to the release}\"\n      Y: ${EMPTY?}\n").env("EMPTY", "").errors();
    assertThat(out).contains("docker-compose.yml:5:15: error[E0706]: required variable `NEED` is not set: set NEED to the release");
    assertThat(out).contains("      |               " + "^".repeat(32) + "\n");
    assertThat(out).doesNotContain("`EMPTY`");
  }

  @Test
  void colonFormRejectsEmptyToo() {
    assertThat(compose("      X: ${E:?}\n").env("E", "").errors()).contains("required variable `E` is empty");
  }

  @Test
  void unsetVariablesAreEmptyWithOneWarningEach() {
    Fixture f = compose("      X: $NOPE\n      Y: ${NOPE}\n");
    assertThat(f.load().service("a").environment()).containsEntry("X", "").containsEntry("Y", "");
    String w = f.warnings();
    assertThat(w).contains("docker-compose.yml:5:10: warning[E0710]: variable `NOPE` is not set: an empty string is used");
    assertThat(w.split("warning\\[")).hasSize(2);
  }

  @Test
  void invalidSyntaxIsLocated() {
    assertThat(compose("      X: \"a $ b\"\n").errors()).contains("docker-compose.yml:5:13: error[E0707]: invalid interpolation in `a $ b`")
        .contains("write a literal `$` as `$$`");
    assertThat(compose("      X: ${1A}\n").errors()).contains("error[E0707]");
    assertThat(compose("      X: ${A\n").errors()).contains("`${` is not closed");
  }

  @Test
  void typedKeysAcceptInterpolatedStrings() {
    var p = new Fixture(dir).file("c.yml", """
        services:
          a:
            image: busybox:${TAG}
            ports: ["${PORT}:80"]
            init: ${INIT}
            deploy: {replicas: "${N}"}
        """).env("TAG", "1.36").env("PORT", "8081").env("INIT", "true").env("N", "2").load();
    assertThat(p.service("a").image()).isEqualTo("busybox:1.36");
    assertThat(p.service("a").ports().get(0).published()).isEqualTo(8081);
    assertThat(p.service("a").init()).isTrue();
    assertThat(p.service("a").scale()).isEqualTo(2);
  }

  @Test
  void keysAndExtensionsAreNotInterpolatedAndVariablesFillValuelessEnvironment() {
    var p = new Fixture(dir).file("c.yml", """
        x-ignored: ${NOT:?never evaluated}
        services:
          a:
            image: busybox
            environment: [FROM_ENV, MISSING]
        """).env("FROM_ENV", "yes").load();
    assertThat(p.service("a").environment()).containsEntry("FROM_ENV", "yes").containsEntry("MISSING", null);
  }

  @Test
  void envFilesAreReadThenEnvironmentWins() {
    Fixture f = new Fixture(dir);
    f.write("common.env", """
        # comment
        export A=from-file
        B="two words" # trailing
        C='single $literal'
        D=${A}-expanded
        E
        """);
    var p = f.file("c.yml", """
        services:
          a:
            image: busybox
            env_file: [common.env]
            environment: {A: override}
        """).load();
    assertThat(p.service("a").environment()).containsEntry("A", "override").containsEntry("B", "two words")
        .containsEntry("C", "single $literal").containsEntry("D", "from-file-expanded").containsEntry("E", null);
  }

  @Test
  void aMissingEnvFileIsLocated() {
    assertThat(new Fixture(dir).file("c.yml", "services:\n  a:\n    image: x\n    env_file: nope.env\n").errors())
        .contains("c.yml:4:15: error[E0708]: service `a`: cannot read the env_file").contains("no such file");
  }
}
