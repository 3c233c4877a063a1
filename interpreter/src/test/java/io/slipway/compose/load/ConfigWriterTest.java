package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 2: `config()` means what `docker-compose config` means, in a form `docker stack deploy` takes. */
class ConfigWriterTest {
  @TempDir
  Path dir;

  private String config(String yaml) {
    return ConfigWriter.render(new Fixture(dir).file("docker-compose.yml", yaml).env("V", "7").load());
  }

  @Test
  void dependsOnIsAListUnlessAConditionNeedsTheMapping() {
    String started = config("services:\n  a: {image: x, depends_on: {b: {condition: service_started}}}\n  b: {image: y}\n");
    assertThat(started).contains("    depends_on:\n    - b\n");
    String healthy = config("services:\n  a: {image: x, depends_on: {b: {condition: service_healthy}}}\n  b: {image: y}\n");
    assertThat(healthy).contains("    depends_on:\n      b:\n        condition: service_healthy\n");
  }

  @Test
  void volumesFromNamesTheKindAndTheModeAsDockerComposeDoes() {
    String out = config("version: \"2.4\"\nservices:\n  a: {image: x, volumes_from: [b, \"b:ro\", \"container:c\"]}\n  b: {image: y}\n");
    assertThat(out).contains("    volumes_from:\n    - service:b:rw\n    - service:b:ro\n    - container:c:rw\n");
  }

  @Test
  void dollarsAreEscapedAndInterpolationIsDone() {
    String out = config("services:\n  a:\n    image: x:$V\n    command: echo $$HOME ${V}\n");
    assertThat(out).contains("    command: echo $$HOME 7\n").contains("    image: x:7\n");
  }

  @Test
  void cpusAreStringsPortsAreLongSyntaxHostsAreAList() {
    String out = config("""
        version: "3.8"
        services:
          a:
            image: x
            ports: ["8080:80", "127.0.0.1:9000:9000/udp", "3000"]
            extra_hosts: {gw: 10.0.0.1}
            deploy: {resources: {limits: {cpus: 0.5, memory: 50M}, reservations: {cpus: 1}}}
            healthcheck: {test: [CMD, "true"], interval: 1m30s, timeout: 60s, start_period: 1500ms}
        """);
    assertThat(out).contains("""
            ports:
            - published: 8080
              target: 80
            - 127.0.0.1:9000:9000/udp
            - target: 3000
        """);
    assertThat(out).contains("    extra_hosts:\n    - gw:10.0.0.1\n");
    assertThat(out).contains("          cpus: '0.5'\n").contains("          cpus: '1'\n").contains("          memory: 50M\n");
    assertThat(out).contains("      interval: 90s\n").contains("      timeout: 1m\n").contains("      start_period: 1500ms\n");
    assertThat(out).startsWith("version: '3.8'\nservices:\n");
  }

  @Test
  void ambiguousStringsAreQuoted() {
    String out = config("services:\n  a:\n    image: x\n    environment: {N: n, Y: \"yes\", NUM: \"1\", REAL: 2}\n");
    assertThat(out).contains("\"N\": \"n\"").contains("\"Y\": 'yes'").contains("NUM: '1'").contains("REAL: 2");
  }

  @Test
  void externalResourcesGetTheirNameAndTheVersionDefaultsTo39() {
    String out = config("services:\n  a: {image: x, networks: [shared]}\nnetworks:\n  shared: {external: true}\n");
    assertThat(out).startsWith("version: '3.9'\n").contains("networks:\n  shared:\n    external: true\n    name: shared\n");
  }

  @Test
  void renderingIsStableUnderReloading() {
    String first = config("""
        version: "3.8"
        services:
          web:
            build: {context: ., args: [A=1]}
            image: "w:${V}"
            command: ["sh", "-c", "echo $$X"]
            environment: [A=1, B]
            ports: ["8080:80", "127.0.0.1::53/udp"]
            volumes: ["./d:/d:ro", "v:/v", "/anon", {type: tmpfs, target: /t}]
            networks: {n: {aliases: [a]}}
            depends_on: {db: {condition: service_healthy}}
            healthcheck: {test: "true", interval: 2s}
            deploy: {replicas: 2, resources: {limits: {cpus: '0.5'}}}
            extra_hosts: ["h:1.2.3.4"]
            labels: {l: v}
          db: {image: db}
        networks: {n: {}}
        volumes: {v: {}}
        """);
    ComposeProject again = new Fixture(dir).file("again.yml", first).load();
    assertThat(ConfigWriter.render(again)).isEqualTo(first);
  }
}
