package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.JournalFile;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.repl.ReplConfig;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
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
 * The REPL's {@code :rerun} and {@code :reload} on a run that used a second engine (a real
 * mutual-TLS endpoint, {@link TlsEndpoint}): what the re-run stages made inside
 * {@code on(engine) { }} is removed from that engine first, so the stages start afresh under the
 * same names instead of colliding with their previous containers, and {@code :quit} leaves
 * nothing there (nor a journal).
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
