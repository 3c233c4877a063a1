package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.JournalFile;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.engine.docker.EngineTimeouts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that created a container and a network on a mutual-TLS engine inside {@code on(engine)}
 * is killed with {@code kill -9}; its journal names that engine (address and certificate paths,
 * no key material), and gc's collection of the engines journals name connects there and removes
 * what the run left. Only that collection runs here (not the default engine's, which would reach
 * the same daemon behind the socat endpoint), so what is removed was found through the journal.
 */
class RemoteEngineGcIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void gcReachesTheTlsEngineAKilledRunUsed(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    try (TlsEndpoint tls = TlsEndpoint.start(dir.resolve("certs"))) {
      Path slipfile = dir.resolve("kill.slip");
      Files.writeString(slipfile, """
          val remote = docker(host = "%s", tls = tls(ca = "certs/ca.pem", cert = "certs/cert.pem", key = "certs/key.pem"))
          pipeline("remote-gc") {
              stage("s") {
                  on(remote) {
                      val net = network("gcnet")
                      start(image = "%s", name = "orphan", network = net, command = "sleep 600", init = true)
                  }
                  echo("gc-ready")
                  sh("sleep 600")
              }
          }
          """.formatted(tls.host(), PipelineRun.IMAGE));
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          RemoteRunToKill.class.getName(), dir.toString(), slipfile.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("SLIPWAY_STATE_DIR", state.toString());
      Process p = pb.start();
      try {
        try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          assertThat(r.readLine()).isEqualTo("ready");
        }
      } finally {
        p.destroyForcibly(); // SIGKILL: no cleanup
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Path runs = state.resolve("runs");
      List<Path> journals = JournalFile.list(runs);
      assertThat(journals).hasSize(1);
      String text = Files.readString(journals.get(0));
      assertThat(text).contains("engine\t" + tls.host() + "\t" + dir.resolve("certs/ca.pem").toAbsolutePath())
          .doesNotContain("BEGIN");
      JournalFile journal = JournalFile.read(journals.get(0));
      assertThat(journal.engines()).containsOnlyKeys(tls.host());
      Map<String, String> sel = Map.of(RunLabels.RUN, journal.runId());
      try (ContainerEngine local = DockerJavaEngine.connect()) {
        assertThat(local.listContainers(sel)).hasSize(1);
        assertThat(local.listNetworks(sel)).hasSize(1);

        GarbageCollector.Report report = GarbageCollector.collectOtherEngines(runs, local.address(), false,
            e -> DockerJavaEngine.connectTls(e.address(), e.tls(), EngineTimeouts.DEFAULT));

        assertThat(report.failed()).isEmpty();
        assertThat(report.removed()).anyMatch(x -> x.startsWith("container ") && x.endsWith(" on " + tls.host()))
            .anyMatch(x -> x.startsWith("network ") && x.endsWith(" on " + tls.host()));
        assertThat(local.listContainers(sel)).isEmpty();
        assertThat(local.listNetworks(sel)).isEmpty();
        // nothing left to collect: the journal is gone
        assertThat(JournalFile.list(runs)).isEmpty();
      } finally {
        try (ContainerEngine local = DockerJavaEngine.connect()) {
          Map<String, String> mine = Map.of(RunLabels.PIPELINE, "remote-gc");
          local.listContainers(mine).forEach(c -> local.removeContainer(c.id(), true));
          local.listNetworks(mine).forEach(n -> local.removeNetwork(n.id()));
        }
      }
    }
  }

  /**
   * A {@code --keep} run that ended (nothing of it pending removal: everything was kept) keeps its
   * journal while it names an engine holding what it kept, so that gc's collection of the
   * journals' engines removes the kept container and network there, then drops the journal.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void gcRemovesWhatAKeepRunKeptOnTheTlsEngine(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    try (TlsEndpoint tls = TlsEndpoint.start(dir.resolve("certs"))) {
      Path slipfile = dir.resolve("keep.slip");
      Files.writeString(slipfile, """
          val remote = docker(host = "%s", tls = tls(ca = "certs/ca.pem", cert = "certs/cert.pem", key = "certs/key.pem"))
          pipeline("remote-keep") {
              stage("s") {
                  on(remote) {
                      val net = network("keepnet")
                      start(image = "%s", name = "kept", network = net, command = "sleep 600", init = true)
                  }
              }
          }
          """.formatted(tls.host(), PipelineRun.IMAGE));
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          RemoteKeptRun.class.getName(), dir.toString(), slipfile.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("SLIPWAY_STATE_DIR", state.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(out).as(out).startsWith("exit 0");
      Path runs = state.resolve("runs");
      try (ContainerEngine local = DockerJavaEngine.connect()) {
        try {
          List<Path> journals = JournalFile.list(runs);
          assertThat(journals).as("the kept run's journal stays for gc").hasSize(1);
          String text = Files.readString(journals.get(0));
          assertThat(text).contains("engine\t" + tls.host() + "\t" + dir.resolve("certs/ca.pem").toAbsolutePath())
              .doesNotContain("BEGIN");
          JournalFile journal = JournalFile.read(journals.get(0));
          Map<String, String> sel = Map.of(RunLabels.RUN, journal.runId());
          assertThat(local.listContainers(sel)).as("kept").hasSize(1);
          assertThat(local.listNetworks(sel)).as("kept").hasSize(1);

          GarbageCollector.Report report = GarbageCollector.collectOtherEngines(runs, local.address(), false,
              e -> DockerJavaEngine.connectTls(e.address(), e.tls(), EngineTimeouts.DEFAULT));

          assertThat(report.failed()).isEmpty();
          assertThat(report.removed()).anyMatch(x -> x.startsWith("container ") && x.contains("kept-") && x.endsWith(" on " + tls.host()))
              .anyMatch(x -> x.startsWith("network ") && x.contains("keepnet-") && x.endsWith(" on " + tls.host()));
          assertThat(local.listContainers(sel)).isEmpty();
          assertThat(local.listNetworks(sel)).isEmpty();
          assertThat(JournalFile.list(runs)).as("collected: the journal is dropped").isEmpty();
        } finally {
          Map<String, String> mine = Map.of(RunLabels.PIPELINE, "remote-keep");
          local.listContainers(mine).forEach(c -> local.removeContainer(c.id(), true));
          local.listNetworks(mine).forEach(n -> local.removeNetwork(n.id()));
        }
      }
    }
  }
}
