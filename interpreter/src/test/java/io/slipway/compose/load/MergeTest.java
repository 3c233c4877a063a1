package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Port;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceVolume;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 2: several files merge as the Compose Specification says. */
class MergeTest {
  @TempDir
  Path dir;

  @Test
  void scalarsOverrideMapsMergeListsFollowTheirKey() {
    ComposeProject p = new Fixture(dir)
        .file("docker-compose.yml", """
            version: "3.8"
            services:
              web:
                image: web:1
                command: ["echo", "base"]
                environment: {A: "1", B: "1"}
                labels: [x=1]
                ports: ["8080:80", "9000:9000"]
                expose: ["1", "2"]
                volumes: ["./a:/data", "/cache"]
                cap_add: [NET_ADMIN]
                dns: [1.1.1.1]
                networks: {front: {aliases: [w1]}}
                depends_on: [db]
                healthcheck: {test: ["CMD", "true"], interval: 5s}
                deploy: {replicas: 2, resources: {limits: {memory: 10m}}, placement: {constraints: [a==1]}}
              db: {image: db}
            networks: {front: {}}
            """)
        .file("docker-compose.prod.yml", """
            services:
              web:
                image: web:2
                command: ["echo", "prod"]
                environment: [B=2, C=3]
                labels: {y: "2"}
                ports: ["8080:80", "127.0.0.1:9000:9000"]
                expose: ["2", "3"]
                volumes: ["./b:/data"]
                cap_add: [NET_ADMIN, SYS_TIME]
                dns: 8.8.8.8
                networks: {front: {aliases: [w2]}, back: {}}
                depends_on: {cache: {condition: service_started}}
                healthcheck: {interval: 10s}
                deploy: {resources: {limits: {cpus: '0.5'}}, placement: {constraints: [b==2]}}
              cache: {image: cache}
            networks: {back: {}}
            """).load();
    Service web = p.service("web");
    assertThat(web.image()).isEqualTo("web:2");
    assertThat(web.command()).containsExactly("echo", "prod");
    assertThat(web.environment()).containsEntry("A", "1").containsEntry("B", "2").containsEntry("C", "3");
    assertThat(web.labels()).containsEntry("x", "1").containsEntry("y", "2");
    assertThat(web.ports()).extracting(Port::published, Port::target, Port::hostIp)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(8080, 80, null),
            org.assertj.core.groups.Tuple.tuple(9000, 9000, null),
            org.assertj.core.groups.Tuple.tuple(9000, 9000, "127.0.0.1"));
    assertThat(web.expose()).containsExactly("1", "2", "3");
    // merged volumes are sorted by target, as docker-compose 1.29 sorts them
    assertThat(web.volumes()).extracting(ServiceVolume::source, ServiceVolume::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "/cache"),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("b").toString(), "/data"));
    assertThat(web.host().capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(web.host().dns()).containsExactly("1.1.1.1", "8.8.8.8");
    assertThat(web.networks().get("front").aliases()).containsExactly("w1", "w2");
    assertThat(web.networks()).containsKeys("front", "back");
    assertThat(web.dependsOn()).containsKeys("db", "cache");
    assertThat(web.healthcheck().test()).containsExactly("CMD", "true");
    assertThat(web.healthcheck().interval()).hasSeconds(10);
    assertThat(web.deploy().replicas()).isEqualTo(2);
    assertThat(web.deploy().resources().limits().memory()).isEqualTo(10L * 1024 * 1024);
    assertThat(web.deploy().resources().limits().cpus()).isEqualTo(0.5);
    assertThat(web.deploy().placement().constraints()).containsExactly("a==1", "b==2");
    assertThat(p.services()).containsKeys("web", "db", "cache");
    assertThat(p.version()).isEqualTo("3.8");
  }

  @Test
  void pathsInLaterFilesAreRelativeToTheFirstFilesDirectory() {
    ComposeProject p = new Fixture(dir)
        .file("compose/base.yml", "services:\n  a: {image: x}\n")
        .file("overrides/prod.yml", "services:\n  a:\n    volumes: [./data:/data]\n    build: ./ctx\n")
        .load();
    assertThat(p.workingDir()).isEqualTo(dir.resolve("compose"));
    assertThat(p.service("a").volumes().get(0).source()).isEqualTo(dir.resolve("compose/data").toString());
    assertThat(p.service("a").build().context()).isEqualTo(dir.resolve("compose/ctx").toString());
  }

  @Test
  void anOverrideNeedNotBeAValidFileAlone() {
    ComposeProject p = new Fixture(dir)
        .file("a.yml", "services:\n  a: {image: x}\n")
        .file("b.yml", "services:\n  a: {environment: [K=v]}\n")
        .load();
    assertThat(p.service("a").environment()).containsEntry("K", "v");
  }

  @Test
  void extendsInTheSameAndAnotherFile() {
    Fixture f = new Fixture(dir);
    f.write("common/base.yml", """
        services:
          base:
            image: base:1
            environment: {FROM: base}
            volumes: [./logs:/logs]
        """);
    ComposeProject p = f.file("c.yml", """
        services:
          mid:
            extends: {file: common/base.yml, service: base}
            environment: {MID: "1"}
          top:
            extends: mid
            command: run
        """).load();
    Service top = p.service("top");
    assertThat(top.image()).isEqualTo("base:1");
    assertThat(top.environment()).containsEntry("FROM", "base").containsEntry("MID", "1");
    assertThat(top.command()).containsExactly("run");
    assertThat(top.volumes().get(0).source()).isEqualTo(dir.resolve("common/logs").toString());
  }

  @Test
  void extendsCyclesAndMissingServicesAreErrors() {
    assertThat(new Fixture(dir).file("c.yml", "services:\n  a: {extends: b}\n  b: {extends: a}\n").errors())
        .contains("error[E0709]: `extends` goes round in a circle");
    assertThat(new Fixture(dir).file("c.yml", "services:\n  a: {extends: nope}\n").errors())
        .contains("c.yml:2:16: error[E0705]: cannot extend `nope`: no such service in c.yml");
  }
}
