package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.JournalFile;
import io.slipway.engine.RunLabels;
import io.slipway.engine.TlsFiles;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.engine.docker.EngineTimeouts;
import io.slipway.repl.ReplConfig;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import io.slipway.run.Event;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a run that used a second engine (a real mutual-TLS endpoint, {@link TlsEndpoint}):
 * the container commands reach the containers there; {@code :rerun} and {@code :reload} remove
 * what the re-run stages made inside {@code on(engine) { }} from that engine first, so the stages
 * start afresh under the same names instead of colliding with their previous containers; and
 * {@code :quit} leaves nothing there (nor a journal).
 */
class ReplRemoteEngineIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void rerunAndReloadReplaceWhatTheStagesMadeOnTheOtherEngine(@TempDir Path dir) throws Exception {
    String pipeline = "repl-remote-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SLIPWAY_STATE_DIR", dir.resolve("state").toString());
    Map<String, String> mine = Map.of(RunLabels.PIPELINE, pipeline);
    try (TlsEndpoint tls = TlsEndpoint.start(dir.resolve("certs"));
        ContainerEngine local = DockerJavaEngine.connect()) {
      String text = """
          val remote = docker(host = "%s", tls = tls(ca = "certs/ca.pem", cert = "certs/cert.pem", key = "certs/key.pem"))
          pipeline("%s") {
              stage("up") {
                  on(remote) {
                      val net = network("rnet")
                      volume("rdata")
                      start(image = "%s", name = "web", network = net, command = "sleep 600", init = true)
                  }
                  echo("up done")
              }
              stage("two") {
                  on(remote) { start(image = "%s", name = "worker", command = "sleep 600", init = true) }
                  FAIL
              }
          }
          """.formatted(tls.host(), pipeline, PipelineRun.IMAGE, PipelineRun.IMAGE);
      Files.writeString(dir.resolve("Slipfile"), text.replace("FAIL", "error(\"boom\")"));
      var session = new ReplSession(ReplConfig.of(Stdlib.registry()).withDir(dir)
          .withEngine(DockerJavaEngine::connect).withEnvironment(env));
      try {
        assertThat(session.handleLine(":load Slipfile").text()).contains("loaded Slipfile");
        ReplResponse run = session.handleLine(":run");
        assertThat(run.text()).contains("boom");
        assertThat(names(local, mine)).as(run.text()).containsExactlyInAnyOrder("web", "worker");
        String web = id(local, mine, "web");

        ReplResponse rerun = session.handleLine(":rerun up");
        assertThat(rerun).as(rerun.text()).isInstanceOfSatisfying(ReplResponse.RunEnded.class,
            e -> assertThat(e.status()).isEqualTo(Status.SUCCESS));
        assertThat(names(local, mine)).as("web replaced, worker untouched")
            .containsExactlyInAnyOrder("web", "worker");
        assertThat(id(local, mine, "web")).isNotEqualTo(web);
        assertThat(local.listNetworks(mine)).hasSize(1);
        assertThat(local.listVolumes(mine)).hasSize(1);
        String worker = id(local, mine, "worker");

        Files.writeString(dir.resolve("Slipfile"), text.replace("FAIL", "echo(\"two fixed\")"));
        ReplResponse reload = session.handleLine(":reload");
        assertThat(reload.text()).contains("continuing after up");
        assertThat(reload).as(reload.text()).isInstanceOfSatisfying(ReplResponse.RunEnded.class,
            e -> assertThat(e.status()).isEqualTo(Status.SUCCESS));
        assertThat(names(local, mine)).containsExactlyInAnyOrder("web", "worker");
        assertThat(id(local, mine, "worker")).isNotEqualTo(worker);
      } finally {
        List<String> failures = session.close();
        assertThat(failures).isEmpty();
        List<String> left = new java.util.ArrayList<>();
        local.listContainers(mine).forEach(c -> left.add("container " + c.name()));
        local.listNetworks(mine).forEach(n -> left.add("network " + n.name()));
        local.listVolumes(mine).forEach(v -> left.add("volume " + v.name()));
        left.forEach(x -> System.err.println("left behind: " + x));
        local.listContainers(mine).forEach(c -> local.removeContainer(c.id(), true));
        local.listNetworks(mine).forEach(n -> local.removeNetwork(n.id()));
        local.listVolumes(mine).forEach(v -> local.removeVolume(v.name()));
        assertThat(left).as("nothing left after :quit").isEmpty();
      }
      assertThat(JournalFile.list(dir.resolve("state/runs"))).as("a run that removed everything leaves no journal")
          .isEmpty();
    }
  }

  /**
   * The container commands reach the other engine: a container started inside {@code on(remote)}
   * (the real mutual-TLS endpoint) is listed by {@code :ps} with its engine, and {@code :exec},
   * {@code :logs}, {@code :inspect} and {@code :shell}'s docker CLI command go through that
   * engine ({@code :explain on} shows the {@code docker -H ... --tlsverify ...} commands they
   * ran); {@code :quit} leaves nothing on either engine.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void containerCommandsReachTheContainersOfTheOtherEngine(@TempDir Path dir) throws Exception {
    String pipeline = "repl-ps-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SLIPWAY_STATE_DIR", dir.resolve("state").toString());
    Map<String, String> mine = Map.of(RunLabels.PIPELINE, pipeline);
    List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (TlsEndpoint tls = TlsEndpoint.start(dir.resolve("certs"));
        ContainerEngine local = DockerJavaEngine.connect();
        ContainerEngine remote = DockerJavaEngine.connectTls(tls.host(), new TlsFiles(
            tls.certs.resolve("ca.pem"), tls.certs.resolve("cert.pem"), tls.certs.resolve("key.pem")),
            EngineTimeouts.DEFAULT)) {
      Files.writeString(dir.resolve("Slipfile"), """
          val remote = docker(host = "%s", tls = tls(ca = "certs/ca.pem", cert = "certs/cert.pem", key = "certs/key.pem"))
          pipeline("%s") {
              stage("up") {
                  start(image = "%s", name = "web", command = "sleep 600", init = true)
                  on(remote) {
                      start(image = "%s", name = "db", command = listOf("sh", "-c", "echo db ready; exec sleep 600"), init = true)
                  }
              }
          }
          """.formatted(tls.host(), pipeline, PipelineRun.IMAGE, PipelineRun.IMAGE));
      var session = new ReplSession(ReplConfig.of(Stdlib.registry()).withDir(dir)
          .withEngine(DockerJavaEngine::connect).withEnvironment(env).withEvents(events::add));
      String flags = "-H " + tls.host() + " --tlsverify --tlscacert certs/ca.pem --tlscert certs/cert.pem "
          + "--tlskey certs/key.pem ";
      try {
        assertThat(session.handleLine(":load Slipfile").text()).contains("loaded Slipfile");
        session.handleLine(":explain on");
        ReplResponse run = session.handleLine(":run");
        assertThat(run).as(run.text()).isInstanceOfSatisfying(ReplResponse.RunEnded.class,
            e -> assertThat(e.status()).isEqualTo(Status.SUCCESS));
        assertThat(explained(events)).anySatisfy(l -> assertThat(l).startsWith("$ docker " + flags + "run -d ")
            .contains("--name db"));

        List<String> ps = session.handleLine(":ps").text().lines().toList();
        assertThat(ps).hasSize(3);
        assertThat(ps.get(0)).matches("NAME +ENGINE +STATE +IP +PORTS +IMAGE");
        assertThat(ps.get(1)).as("listed once, on the engine that made it, though both addresses reach one daemon")
            .matches("web +default +running .*");
        assertThat(ps.get(2)).matches("db +" + java.util.regex.Pattern.quote(tls.host()) + " +running .*");

        assertThat(session.handleLine(":exec db echo hi").text()).isEqualTo("hi\n");
        assertThat(explained(events)).contains("$ docker " + flags + "exec db echo hi");
        String logs = "";
        for (int i = 0; i < 100 && !logs.contains("db ready"); i++) {
          logs = session.handleLine(":logs db").text();
          if (!logs.contains("db ready")) {
            Thread.sleep(100); // the container's first line may not be written yet
          }
        }
        assertThat(logs).isEqualTo("db ready\n");
        assertThat(explained(events)).anySatisfy(l -> assertThat(l).startsWith("$ docker " + flags + "logs "));
        assertThat(session.handleLine(":inspect db").text()).startsWith("name:     db\non:       " + tls.host() + "\n")
            .contains("state:    running").contains("label:    io.slipway.stage=up");

        var shell = (ReplResponse.ShellTarget) session.handleLine(":shell db echo from shell");
        List<String> argv = new java.util.ArrayList<>(ReplSession.shellCommand(shell));
        assertThat(argv).startsWith("docker", "-H", tls.host(), "--tlsverify", "--tlscacert",
            tls.certs.resolve("ca.pem").toString());
        argv.remove("-it"); // no terminal here: the same command, non-interactive
        var pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "tcp://127.0.0.1:1"); // not passed on: only the flags count
        ReplSession.shellEnvironment(shell, pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("from shell\n");

        assertThat(session.handleLine(":quit")).isInstanceOfSatisfying(ReplResponse.Quit.class,
            q -> assertThat(q.text()).isEmpty());
      } finally {
        List<String> failures = session.close();
        assertThat(failures).isEmpty();
        List<String> left = new java.util.ArrayList<>();
        local.listContainers(mine).forEach(c -> left.add("container " + c.name()));
        remote.listContainers(mine).forEach(c -> left.add("container " + c.name() + " on " + tls.host()));
        left.forEach(x -> System.err.println("left behind: " + x));
        local.listContainers(mine).forEach(c -> local.removeContainer(c.id(), true));
        assertThat(left).as("nothing left on either engine after :quit").isEmpty();
      }
      assertThat(JournalFile.list(dir.resolve("state/runs"))).isEmpty();
    }
  }

  private static List<String> explained(List<Event> events) {
    return events.stream().filter(e -> e instanceof Event.Log l && l.line().startsWith("$ "))
        .map(e -> ((Event.Log) e).line()).toList();
  }

  /** The Slipfile names of the pipeline's containers (the engine names without the run suffix). */
  private static List<String> names(ContainerEngine e, Map<String, String> sel) {
    return e.listContainers(sel).stream().map(ContainerInfo::name)
        .map(n -> n.substring(n.startsWith("/") ? 1 : 0, n.lastIndexOf('-'))).toList();
  }

  private static String id(ContainerEngine e, Map<String, String> sel, String name) {
    return e.listContainers(sel).stream().filter(c -> c.name().replaceFirst("^/", "").startsWith(name + "-"))
        .map(ContainerInfo::id).findFirst().orElseThrow();
  }
}
