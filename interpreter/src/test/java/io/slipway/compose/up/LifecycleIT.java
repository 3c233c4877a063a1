package io.slipway.compose.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.compose.model.ComposeProject;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.OutputSink;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.docker.RealEngine;
import io.slipway.engine.docker.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Item 3 on the real engine: up in dependency order with conditions, compose names, re-up, down. */
class LifecycleIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @TempDir
  Path dir;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<String> owned = Collections.synchronizedList(new ArrayList<>());
  private Lifecycle lifecycle;

  private final Listener listener = new Listener() {
    @Override
    public void info(String line) {
      log.add(line);
    }

    @Override
    public void warning(String line) {
      log.add("WARN " + line);
    }

    @Override
    public void owned(ResourceTracker.Kind kind, String id, String name) {
      owned.add(kind + " " + name);
    }
  };

  private Lifecycle lifecycle(ComposeProject p) {
    lifecycle = new Lifecycle(ENGINE.get(), p, Map.of(), listener, OutputSink.NONE);
    return lifecycle;
  }

  @AfterEach
  void down() throws InterruptedException {
    if (lifecycle != null) {
      lifecycle.down(true);
    }
  }

  private static final String IMAGE = TestEngines.TEST_IMAGE;

  private String threeServices(String webCommand) {
    return """
        services:
          db:
            image: %1$s
            init: true
            command: ["sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 300"]
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/ready"]
              interval: 1s
              retries: 30
            volumes: ["data:/data"]
          migrate:
            image: %1$s
            command: ["sh", "-c", "echo migrated"]
            depends_on: [db]
          web:
            image: %1$s
            init: true
            command: ["sh", "-c", "%2$s"]
            ports: ["80"]
            networks:
              default:
                aliases: [www]
            depends_on:
              db: {condition: service_healthy}
              migrate: {condition: service_completed_successfully}
        volumes:
          data: {}
        """.formatted(IMAGE, webCommand);
  }

  @Test
  void upHonoursConditionsNamesLikeComposeAndReUpRecreatesOnlyWhatChanged() throws Exception {
    String name = ComposeFiles.project("life");
    Lifecycle l = lifecycle(ComposeFiles.load(dir, name, threeServices("exec sleep 300")));
    l.up(List.of("web"), Duration.ofMinutes(1));
    ContainerEngine e = ENGINE.get();
    ContainerInfo db = l.containers("db").get(0);
    ContainerInfo web = l.containers("web").get(0);
    assertThat(db.name()).isEqualTo(name + "_db_1");
    assertThat(web.name()).isEqualTo(name + "_web_1");
    assertThat(db.state().health()).isEqualTo("healthy");
    assertThat(l.containers("migrate").get(0).state().exitCode()).isZero();
    assertThat(web.labels()).containsEntry("com.docker.compose.project", name)
        .containsEntry("com.docker.compose.service", "web").containsEntry("com.docker.compose.oneoff", "False")
        .containsEntry("com.docker.compose.container-number", "1").containsKey("com.docker.compose.config-hash");
    assertThat(web.networks()).containsKey(name + "_default");
    // web started only after db was healthy and migrate had completed
    assertThat(log.indexOf("Creating " + name + "_web_1 ... done"))
        .isGreaterThan(log.indexOf("Creating " + name + "_db_1 ... done"))
        .isGreaterThan(log.indexOf("Creating " + name + "_migrate_1 ... done"));
    assertThat(owned).contains("NETWORK " + name + "_default", "VOLUME " + name + "_data",
        "CONTAINER " + name + "_web_1");
    // the reference tool sees them as its own
    String ps = dockerCompose(name, "ps", "--services");
    assertThat(ps.lines()).contains("db", "web", "migrate");
    // www resolves to web on the project network
    assertThat(pingUntilAnswered(e, db.id(), "www", Duration.ofSeconds(30))).isZero();

    // second up with the same file: nothing recreated
    log.clear();
    l.up(List.of("web"), Duration.ofMinutes(1));
    assertThat(l.containers("web").get(0).id()).isEqualTo(web.id());
    assertThat(l.containers("db").get(0).id()).isEqualTo(db.id());
    assertThat(log).contains(name + "_web_1 is up-to-date", name + "_db_1 is up-to-date");

    // change only web: web is recreated, its dependencies are not
    Lifecycle changed = lifecycle(ComposeFiles.load(dir, name, threeServices("exec sleep 301")));
    log.clear();
    changed.up(List.of(), Duration.ofMinutes(1));
    assertThat(changed.containers("web").get(0).id()).isNotEqualTo(web.id());
    assertThat(changed.containers("web").get(0).name()).isEqualTo(name + "_web_1");
    assertThat(changed.containers("db").get(0).id()).isEqualTo(db.id());
    assertThat(log).contains("Recreating " + name + "_web_1 ... done");

    changed.down(true);
    assertThat(e.listContainers(Map.of("com.docker.compose.project", name))).isEmpty();
    assertThat(e.inspectNetwork(name + "_default")).isEmpty();
    assertThat(e.listVolumes(Map.of("com.docker.compose.project", name))).isEmpty();
  }

  @Test
  void anUnhealthyDependencyFailsItsDependentsNamingIt() throws Exception {
    String name = ComposeFiles.project("sick");
    Lifecycle l = lifecycle(ComposeFiles.load(dir, name, """
        services:
          db:
            image: %1$s
            init: true
            command: ["sleep", "300"]
            healthcheck: {test: ["CMD", "false"], interval: 1s, retries: 1}
          web:
            image: %1$s
            command: ["sleep", "300"]
            depends_on: {db: {condition: service_healthy}}
          other:
            image: %1$s
            init: true
            command: ["sleep", "300"]
        """.formatted(IMAGE)));
    assertThatThrownBy(() -> l.up(List.of(), Duration.ofMinutes(1)))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("`web` needs `db` healthy, but `" + name + "_db_1` is unhealthy");
    assertThat(l.containers("web")).isEmpty();
    assertThat(l.containers("other")).hasSize(1);
  }

  @Test
  void scaleRestartLogsAndOneOffRuns() throws Exception {
    String name = ComposeFiles.project("ops");
    Lifecycle l = lifecycle(ComposeFiles.load(dir, name, """
        services:
          app:
            image: %1$s
            init: true
            environment: {GREETING: hello}
            command: ["sh", "-c", "echo started $$GREETING; exec sleep 300"]
            stop_grace_period: 2s
        """.formatted(IMAGE)));
    l.up(List.of(), Duration.ofMinutes(1));
    l.scale("app", 3);
    assertThat(l.containers("app")).extracting(ContainerInfo::name)
        .containsExactly(name + "_app_1", name + "_app_2", name + "_app_3");
    l.scale("app", 1);
    assertThat(l.containers("app")).hasSize(1);
    String before = l.containers("app").get(0).id();
    l.restart(List.of("app"));
    assertThat(l.containers("app").get(0).id()).isEqualTo(before);
    assertThat(l.logs("app", -1).get(name + "_app_1")).extracting(io.slipway.engine.LogLine::text)
        .contains("started hello");
    var out = new java.io.ByteArrayOutputStream();
    OneOff.Result r = l.run("app", List.of("sh", "-c", "echo one-off $GREETING $EXTRA; exit 3"), Map.of("EXTRA", "x"),
        (s, chunk) -> out.writeBytes(chunk), Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.container()).startsWith(name + "_app_run_");
    assertThat(out.toString()).contains("one-off hello x");
    assertThat(ENGINE.get().listContainers(Map.of("com.docker.compose.project", name, "com.docker.compose.oneoff", "True")))
        .isEmpty();
  }

  /**
   * Pings {@code host} from the container until it answers or {@code within} is over (one probe
   * can miss under load: the name or the veth may not be ready yet); the last exit code.
   */
  private static int pingUntilAnswered(ContainerEngine e, String id, String host, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    int code;
    do {
      code = exec(e, id, "ping", "-c", "1", "-W", "2", host);
      if (code == 0) {
        return 0;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return code;
  }

  private static int exec(ContainerEngine e, String id, String... cmd) {
    return e.exec(id, io.slipway.engine.ExecSpec.of(List.of(cmd)), OutputSink.NONE);
  }

  private String dockerCompose(String project, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("docker-compose", "-f", dir.resolve("docker-compose.yml").toString(),
        "-p", project));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
