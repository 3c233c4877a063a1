package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 1: mistakes are located diagnostics (file:line:col, caret), one per mistake, never exceptions. */
class ComposeErrorsTest {
  @TempDir
  Path dir;

  @Test
  void brokenYamlIsLocated() {
    String out = new Fixture(dir).file("docker-compose.yml", """
        services:
          web:
            image: busybox
           ports: ["80"]
        """).errors();
    assertThat(out).startsWith("docker-compose.yml:4:").contains("error[E0701]: invalid YAML");
    assertThat(out).contains("    4 |    ports: [\"80\"]").contains("note: while parsing a block mapping");
  }

  @Test
  void wrongTypesAreLocatedAtTheValue() {
    String out = new Fixture(dir).file("docker-compose.yml", """
        services:
          web:
            image: busybox
            user: 1000
            ports: "80:80"
            restart: no
            environment: {DEBUG: true}
        """).errors();
    assertThat(out).contains("docker-compose.yml:4:11: error[E0702]: `services.web.user` must be a string, found a number");
    assertThat(out).contains("docker-compose.yml:5:12: error[E0702]: `services.web.ports` must be a list of ports, found a string");
    assertThat(out).contains("docker-compose.yml:6:14: error[E0702]: `services.web.restart` must be a string, found a boolean")
        .contains("quote it");
    assertThat(out).contains("`services.web.environment.DEBUG` must be a string, a number or null, found a boolean");
    assertThat(out.split("error\\[")).hasSize(5);
  }

  @Test
  void unknownKeysAreWarningsWithTheClosestKey() {
    Fixture f = new Fixture(dir).file("docker-compose.yml", """
        services:
          web:
            imag: busybox
            image: busybox
            x-mine: {kept: true}
        volume: {}
        """);
    String warnings = f.warnings();
    assertThat(warnings).contains("docker-compose.yml:3:5: warning[E0703]: unknown key `imag` in `services.web`: ignored")
        .contains("did you mean `image`?");
    assertThat(warnings).contains("docker-compose.yml:6:1: warning[E0703]: unknown top-level key `volume`: ignored")
        .contains("did you mean `volumes`?");
    assertThat(warnings).doesNotContain("x-mine");
    assertThat(f.result().failed()).isFalse();
  }

  @Test
  void unquotedPortMappingReadAsBase60IsExplained() {
    String out = new Fixture(dir).file("c.yml", "services:\n  web:\n    image: a\n    ports:\n      - 22:22\n").errors();
    assertThat(out).contains("c.yml:5:9: error[E0704]").contains("was read as the number 1342")
        .contains("quote it (`\"22:22\"`)");
  }

  @Test
  void undefinedReferencesNameWhatIsMissing() {
    String out = new Fixture(dir).file("c.yml", """
        services:
          web:
            image: a
            depends_on: [dbb]
            networks: [front]
            volumes: ["data:/data"]
            secrets: [pw]
          db: {image: b}
        networks: {fronts: {}}
        """).errors();
    assertThat(out).contains("c.yml:4:18: error[E0705]: `services.web.depends_on` names the service `dbb`, which is not defined")
        .contains("did you mean `db`?");
    assertThat(out).contains("c.yml:5:16: error[E0705]: `services.web` uses the network `front`, which the top-level `networks` does not declare")
        .contains("did you mean `fronts`?");
    assertThat(out).contains("c.yml:6:15: error[E0705]: `services.web` uses the named volume `data`");
    assertThat(out).contains("error[E0705]: `services.web.secrets` names `pw`");
  }

  @Test
  void dependencyCyclesAreOneError() {
    String out = new Fixture(dir).file("c.yml", """
        services:
          a: {image: x, depends_on: [b]}
          b: {image: x, depends_on: [c]}
          c: {image: x, links: [a]}
        """).errors();
    assertThat(out).contains("error[E0709]: services depend on each other in a cycle: a -> b -> c -> a");
    assertThat(out.split("error\\[")).hasSize(2);
  }

  @Test
  void versionMustBeAQuotedSupportedVersion() {
    assertThat(new Fixture(dir).file("c.yml", "version: 3.8\nservices: {a: {image: x}}\n").errors())
        .contains("c.yml:1:10: error[E0702]: `version` must be a string, found a number").contains("version: \"3.8\"");
    assertThat(new Fixture(dir).file("c.yml", "version: '1'\nservices: {a: {image: x}}\n").errors())
        .contains("compose file version 1 is not supported");
  }

  @Test
  void emptyMissingAndNonMappingFiles() {
    assertThat(new Fixture(dir).file("c.yml", "").errors()).contains("error[E0702]: the compose file c.yml is empty");
    assertThat(new Fixture(dir).file("c.yml", "- a\n").errors()).contains("a compose file is a mapping");
    Fixture f = new Fixture(dir);
    f.file("c.yml", "services: {a: {image: x}}\n");
    java.nio.file.Files.exists(dir);
    assertThat(ComposeLoader.load(new ComposeLoader.Options(java.util.List.of(dir.resolve("nope.yml")), java.util.Map.of(),
        java.util.Map.of(), "p", dir)).diagnostics().get(0).message()).isEqualTo("cannot read compose file nope.yml: no such file");
  }

  @Test
  void serviceWithoutImageOrBuildAndRecursiveAliases() {
    assertThat(new Fixture(dir).file("c.yml", "services:\n  a: {command: x}\n").errors())
        .contains("c.yml:2:3: error[E0704]: service `a` has neither `image` nor `build`");
    assertThat(new Fixture(dir).file("c.yml", "a: &x [*x]\nservices: {}\n").errors())
        .contains("error[E0701]");
  }

  @Test
  void severalDocumentsAndBadTags() {
    assertThat(new Fixture(dir).file("c.yml", "services: {}\n---\nservices: {}\n").errors())
        .contains("holds one YAML document");
    assertThat(new Fixture(dir).file("c.yml", "services:\n  a: {image: !!binary aGk=}\n").errors())
        .contains("c.yml:2:14: error[E0701]: invalid YAML: unsupported tag `tag:yaml.org,2002:binary`");
  }

  @Test
  void duplicateKeysWarn() {
    String w = new Fixture(dir).file("c.yml", "services:\n  a: {image: x, image: y}\n").warnings();
    assertThat(w).contains("c.yml:2:17: warning[E0701]: duplicate key `image`: the later value is used");
  }

  @Test
  void aliasesAndMergeKeysWork() {
    var p = new Fixture(dir).file("c.yml", """
        x-base: &base
          image: busybox
          environment: {A: "1"}
        services:
          a:
            <<: *base
            environment: {B: "2"}
          b: *base
        """).load();
    assertThat(p.service("a").image()).isEqualTo("busybox");
    assertThat(p.service("a").environment()).containsOnlyKeys("B");
    assertThat(p.service("b").environment()).containsOnlyKeys("A");
  }
}
