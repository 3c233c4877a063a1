package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway compose config -f A -f B [-p NAME]}. */
class ComposeCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void mergesFilesInterpolatesAndPrintsTheConfiguration() throws IOException {
    Path a = write("docker-compose.yml", "version: '3.8'\nservices:\n  app:\n    image: \"app:${VERSION_NUMBER}\"\n");
    Path b = write("prod.yml", "services:\n  app:\n    environment: [MODE=prod]\n");
    var r = CliHarness.run(Map.of("VERSION_NUMBER", "1.4"), "", "compose", "config", "-f", a.toString(), "-f",
        b.toString(), "-p", "nerd");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("""
        version: '3.8'
        services:
          app:
            environment:
              MODE: prod
            image: app:1.4
        """);
  }

  @Test
  void aMissingVariableExitsTwoWithItsMessageAndNothingOnStdout() throws IOException {
    Path a = write("c.yml", "services:\n  app:\n    image: \"app:${VERSION_NUMBER:?set the version}\"\n");
    var r = CliHarness.run("compose", "config", "-f", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("c.yml:3:17: error[E0706]: required variable `VERSION_NUMBER` is not set: set the version")
        .contains("compose config: 1 error").doesNotContain("Exception");
  }

  @Test
  void warningsGoToStderrAndDoNotFail() throws IOException {
    Path a = write("c.yml", "services:\n  app:\n    image: x\n    imagee: y\n");
    var r = CliHarness.run("compose", "config", "-f", a.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).contains("warning[E0703]: unknown key `imagee`");
    assertThat(r.out()).contains("image: x");
  }

  @Test
  void aMissingFileIsAUsageError() {
    var r = CliHarness.run("compose", "config", "-f", dir.resolve("nope.yml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error[E0708]: cannot read compose file").contains("no such file");
  }
}
