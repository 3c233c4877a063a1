package io.slipway.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Dependency;
import io.slipway.compose.model.Deploy;
import io.slipway.compose.model.Port;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceVolume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 1: every key of a service and of the top level reaches the model, in all its forms. */
class ComposeModelTest {
  @TempDir
  Path dir;

  @Test
  void serviceKeysInAllTheirForms() {
    ComposeProject p = new Fixture(dir).file("docker-compose.yml", """
        version: "3.8"
        services:
          web:
            image: "httpd:2"
            build:
              context: ./web
              dockerfile: Dockerfile.prod
              args: [VERSION=1.2, EMPTY]
              target: prod
            command: sh -c 'echo "a b"'
            entrypoint: ["/bin/tini", "--"]
            environment: [A=1, B=x=y]
            ports: [3000, "8080:80", "127.0.0.1:8443:443/tcp", "9090-9091:8080-8081/udp", "127.0.0.1::5000", "8000-8010:81"]
            expose: [4000, "5000/udp"]
            volumes: [/anon, "data:/var/data", "./conf:/etc/conf:ro", "~/x:/x"]
            networks:
              front:
                aliases: [www, site]
              back:
            depends_on: [db]
            healthcheck:
              test: wget -q -O- http://localhost/ || exit 1
              interval: 1m30s
              timeout: 10s
              retries: 5
              start_period: 40s
            restart: on-failure:3
            labels: {tier: front}
            container_name: the-web
            hostname: web.local
            working_dir: /srv
            user: "1000:1000"
            links: ["db:database"]
            extra_hosts: ["gw:10.0.0.1"]
            init: true
            stop_grace_period: 1m
          db:
            image: busybox
            environment:
              PASSWORD: secret
              PORT: 5432
            volumes:
              - type: volume
                source: data
                target: /data
                volume: {nocopy: true}
              - type: tmpfs
                target: /tmp
                tmpfs: {size: 64m}
            depends_on:
              cache: {condition: service_healthy}
              init: {condition: service_completed_successfully}
          cache: {image: busybox}
          init: {image: busybox}
        networks: {front: {}, back: {}}
        volumes: {data: {}}
        """).load();
    Service web = p.service("web");
    assertThat(web.image()).isEqualTo("httpd:2");
    assertThat(web.build().context()).isEqualTo(dir.resolve("web").toString());
    assertThat(web.build().dockerfile()).isEqualTo("Dockerfile.prod");
    assertThat(web.build().args()).containsEntry("VERSION", "1.2").containsEntry("EMPTY", null);
    assertThat(web.build().target()).isEqualTo("prod");
    assertThat(web.command()).containsExactly("sh", "-c", "echo \"a b\"");
    assertThat(web.entrypoint()).containsExactly("/bin/tini", "--");
    assertThat(web.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"));
    assertThat(web.ports()).extracting(Port::target, Port::published, Port::hostIp, Port::protocol).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3000, null, null, "tcp"),
        org.assertj.core.groups.Tuple.tuple(80, 8080, null, "tcp"),
        org.assertj.core.groups.Tuple.tuple(443, 8443, "127.0.0.1", "tcp"),
        org.assertj.core.groups.Tuple.tuple(8080, 9090, null, "udp"),
        org.assertj.core.groups.Tuple.tuple(8081, 9091, null, "udp"),
        org.assertj.core.groups.Tuple.tuple(5000, null, "127.0.0.1", "tcp"),
        org.assertj.core.groups.Tuple.tuple(81, 8000, null, "tcp"));
    assertThat(web.ports().get(6).publishedEnd()).isEqualTo(8010);
    assertThat(web.expose()).containsExactly("4000", "5000/udp");
    assertThat(web.volumes()).extracting(ServiceVolume::type, ServiceVolume::source, ServiceVolume::target,
        ServiceVolume::readOnly).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.VOLUME, null, "/anon", false),
        org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.VOLUME, "data", "/var/data", false),
        org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.BIND, dir.resolve("conf").toString(), "/etc/conf", true),
        org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.BIND, System.getProperty("user.home") + "/x", "/x", false));
    assertThat(web.networks().keySet()).containsExactly("front", "back");
    assertThat(web.networks().get("front").aliases()).containsExactly("www", "site");
    assertThat(web.dependsOn().get("db").condition()).isEqualTo(Dependency.Condition.STARTED);
    assertThat(web.healthcheck().test()).containsExactly("CMD-SHELL", "wget -q -O- http://localhost/ || exit 1");
    assertThat(web.healthcheck().interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(web.healthcheck().startPeriod()).isEqualTo(Duration.ofSeconds(40));
    assertThat(web.healthcheck().retries()).isEqualTo(5);
    assertThat(web.restart()).isEqualTo("on-failure:3");
    assertThat(web.labels()).containsEntry("tier", "front");
    assertThat(web.containerName()).isEqualTo("the-web");
    assertThat(web.hostname()).isEqualTo("web.local");
    assertThat(web.workingDir()).isEqualTo("/srv");
    assertThat(web.user()).isEqualTo("1000:1000");
    assertThat(web.links()).singleElement().satisfies(l -> assertThat(l.alias()).isEqualTo("database"));
    assertThat(web.extraHosts()).containsEntry("gw", "10.0.0.1");
    assertThat(web.init()).isTrue();
    assertThat(web.stopTimeout()).isEqualTo(Duration.ofMinutes(1));
    Service db = p.service("db");
    assertThat(db.environment()).containsEntry("PORT", "5432");
    assertThat(db.volumes().get(0).noCopy()).isTrue();
    assertThat(db.volumes().get(1).type()).isEqualTo(ServiceVolume.Type.TMPFS);
    assertThat(db.volumes().get(1).tmpfsSize()).isEqualTo(64L * 1024 * 1024);
    assertThat(db.dependsOn().values()).extracting(Dependency::condition)
        .containsExactly(Dependency.Condition.HEALTHY, Dependency.Condition.COMPLETED_SUCCESSFULLY);
    assertThat(p.inDependencyOrder()).extracting(Service::name).containsExactly("cache", "init", "db", "web");
    assertThat(p.networks().get("front").name()).isEqualTo("test_front");
    assertThat(p.volumes().get("data").name()).isEqualTo("test_data");
  }

  @Test
  void deployIsParsedWhole() {
    Deploy d = new Fixture(dir).file("docker-compose.yml", """
        version: "3.8"
        services:
          app:
            image: app
            deploy:
              mode: replicated
              replicas: 3
              endpoint_mode: vip
              labels: [com.example=1]
              resources:
                limits: {cpus: '0.50', memory: 50M, pids: 100}
                reservations: {cpus: '0.25', memory: 20M}
              restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 120s}
              update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 1m, max_failure_ratio: 0.3, order: start-first}
              rollback_config: {parallelism: 1, order: stop-first}
              placement:
                constraints: [node.role == manager]
                preferences: [{spread: node.labels.zone}]
                max_replicas_per_node: 2
        """).load().service("app").deploy();
    assertThat(d.replicas()).isEqualTo(3);
    assertThat(d.labels()).containsEntry("com.example", "1");
    assertThat(d.resources().limits().cpus()).isEqualTo(0.5);
    assertThat(d.resources().limits().memory()).isEqualTo(50L * 1024 * 1024);
    assertThat(d.resources().limits().pids()).isEqualTo(100);
    assertThat(d.resources().reservations().memory()).isEqualTo(20L * 1024 * 1024);
    assertThat(d.restartPolicy().delay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.restartPolicy().maxAttempts()).isEqualTo(3);
    assertThat(d.updateConfig().failureAction()).isEqualTo("rollback");
    assertThat(d.updateConfig().maxFailureRatio()).isEqualTo(0.3);
    assertThat(d.updateConfig().monitor()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.rollbackConfig().order()).isEqualTo("stop-first");
    assertThat(d.placement().constraints()).containsExactly("node.role == manager");
    assertThat(d.placement().spreadPreferences()).containsExactly("node.labels.zone");
    assertThat(d.placement().maxReplicasPerNode()).isEqualTo(2);
  }

  @Test
  void deployDrivesScaleRestartAndLimitsAsDockerComposeDoes() {
    Service s = new Fixture(dir).file("docker-compose.yml", """
        services:
          app:
            image: app
            mem_limit: 1g
            deploy:
              replicas: 4
              resources: {limits: {cpus: '1.5', memory: 64m}}
              restart_policy: {condition: on-failure, max_attempts: 2}
              placement: {max_replicas_per_node: 3}
        """).load().service("app");
    assertThat(s.scale()).isEqualTo(3);
    assertThat(s.restart()).isEqualTo("on-failure:2");
    assertThat(s.host().memLimit()).isEqualTo(64L * 1024 * 1024);
    assertThat(s.host().cpus()).isEqualTo(1.5);
  }

  @Test
  void topLevelSecretsConfigsNetworksAndVolumes() {
    ComposeProject p = new Fixture(dir).file("docker-compose.yml", """
        services:
          app:
            image: app
            secrets: [pw, {source: cert, target: /etc/cert, mode: 0400}]
            configs: [conf]
            networks: [ext]
        networks:
          ext: {external: {name: shared-net}}
          own: {driver: bridge, internal: true, labels: {a: b}, ipam: {config: [{subnet: 10.9.0.0/24}]}}
        volumes:
          kept: {external: true}
          named: {name: exact-name}
        secrets:
          pw: {file: ./pw.txt}
          cert: {external: true}
        configs:
          conf: {file: ./app.conf}
        """).load();
    assertThat(p.networks().get("ext").external()).isTrue();
    assertThat(p.networks().get("ext").name()).isEqualTo("shared-net");
    assertThat(p.networks().get("own").internal()).isTrue();
    assertThat(p.networks().get("own").ipam().config().get(0).subnet()).isEqualTo("10.9.0.0/24");
    assertThat(p.volumes().get("kept").name()).isEqualTo("kept");
    assertThat(p.volumes().get("named").name()).isEqualTo("exact-name");
    assertThat(p.secrets().get("pw").file()).isEqualTo(dir.resolve("pw.txt").toString());
    assertThat(p.secrets().get("cert").external()).isTrue();
    assertThat(p.configs().get("conf").file()).isEqualTo(dir.resolve("app.conf").toString());
    assertThat(p.service("app").secrets().get(1).mode()).isEqualTo(0400);
    assertThat(p.service("app").notApplied()).containsKey("configs");
  }

  @Test
  void unversionedTwoXAndThreeXFormatsAllLoad() {
    for (String version : List.of("", "version: '2.4'\n", "version: '3'\n", "version: \"3.9\"\n")) {
      ComposeProject p = new Fixture(dir).file("c.yml", version + "services:\n  a: {image: busybox}\n").load();
      assertThat(p.service("a").image()).isEqualTo("busybox");
    }
  }

  @Test
  void projectNameComesFromTheOptionThenTheEnvironmentThenTheFileThenTheDirectory() {
    String file = "name: From-File\nservices:\n  a: {image: busybox}\n";
    assertThat(new Fixture(dir).file("c.yml", file).project("My.Project").load().name()).isEqualTo("myproject");
    assertThat(new Fixture(dir).file("c.yml", file).project(null).env("COMPOSE_PROJECT_NAME", "fromenv").load().name())
        .isEqualTo("fromenv");
    assertThat(new Fixture(dir).file("c.yml", file).project(null).load().name()).isEqualTo("from-file");
    Path sub = dir.resolve("Books_MS");
    assertThat(new Fixture(sub).file("c.yml", "services:\n  a: {image: busybox}\n").project(null).load().name())
        .isEqualTo("books_ms");
  }
}
