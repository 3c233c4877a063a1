package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing labelled is left after a run succeeds, fails or is cancelled; two runs do not collide. */
class CleanupIT {
  private static final String RESOURCES = """
      val net = network("app-net")
      val vol = volume("data")
      start(image = "%1$s", name = "db", network = net, command = listOf("sleep", "600"),
            volumes = listOf(vol to "/data"))
      image("%1$s").tag("slipway-cleanup/app:${build.number}")
      """.formatted(PipelineRun.IMAGE);

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void successLeavesNothing(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, "pipeline(\"ok\") {\n agent(image = \"" + PipelineRun.IMAGE
        + "\")\n stage(\"s\") {\n" + RESOURCES + "\n sh(\"true\")\n }\n}\n");
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void failureLeavesNothing(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, "pipeline(\"bad\") {\n stage(\"s\") {\n" + RESOURCES
        + "\n error(\"boom\")\n }\n}\n");
    assertThat(run.result.exitCode()).isEqualTo(1);
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void cancelLeavesNothing(@TempDir Path dir) throws Exception {
    AtomicReference<io.slipway.run.Run> state = new AtomicReference<>();
    Files.createDirectories(dir);
    var run = PipelineRun.run(dir, "pipeline(\"cancel\") {\n agent(image = \"" + PipelineRun.IMAGE
        + "\")\n stage(\"s\") {\n" + RESOURCES + "\n writeFile(\"ready\", \"1\")\n sh(\"sleep 60\")\n }\n}\n",
        Map.of(), o -> o.withOnStart(rs -> {
          state.set(rs);
          Thread.ofVirtual().start(() -> {
            try {
              while (!Files.exists(dir.resolve("ready"))) {
                Thread.sleep(100);
              }
              Thread.sleep(1000);
            } catch (InterruptedException e) {
              return;
            }
            rs.cancel("SIGINT");
          });
        }));
    assertThat(run.result.status()).as(run.toString()).isEqualTo(Status.CANCELLED);
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void keepLeavesEverythingForGc(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, "pipeline(\"kept\") {\n stage(\"s\") {\n" + RESOURCES + "\n }\n}\n",
        Map.of(), o -> o.withKeep(true));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    // container, network, volume, and the journal of the image tag (images carry no labels)
    assertThat(PipelineRun.leftovers(run.runId)).hasSize(4).anyMatch(l -> l.startsWith("journal "));
    try (var e = io.slipway.engine.docker.DockerJavaEngine.connect()) {
      // the run's process (this JVM) is alive: gc leaves it alone
      new io.slipway.engine.GarbageCollector(e).collect(false);
      assertThat(PipelineRun.leftovers(run.runId)).hasSize(4);
      PipelineRun.leftovers(run.runId).stream().filter(l -> l.startsWith("journal "))
          .forEach(l -> Path.of(l.substring("journal ".length())).toFile().delete());
      e.listContainers(Map.of(io.slipway.engine.RunLabels.RUN, run.runId)).forEach(c -> e.removeContainer(c.id(), true));
      e.listNetworks(Map.of(io.slipway.engine.RunLabels.RUN, run.runId)).forEach(n -> e.removeNetwork(n.id()));
      e.listVolumes(Map.of(io.slipway.engine.RunLabels.RUN, run.runId)).forEach(v -> e.removeVolume(v.name()));
      e.removeImage("slipway-cleanup/app:" + run.events.stream()
          .filter(ev -> ev instanceof io.slipway.run.Event.RunStarted).map(ev -> ((io.slipway.run.Event.RunStarted) ev).buildNumber())
          .findFirst().orElseThrow(), true);
    }
  }

  @Test
  void twoRunsOfTheSamePipelineAtOnceDoNotCollide(@TempDir Path a, @TempDir Path b) throws Exception {
    String slip = "pipeline(\"twin\") {\n stage(\"s\") {\n" + RESOURCES + "\n sleep(1.seconds)\n }\n}\n";
    var first = new java.util.concurrent.CompletableFuture<PipelineRun>();
    Thread t = Thread.ofVirtual().start(() -> {
      try {
        first.complete(PipelineRun.run(a, slip));
      } catch (Exception e) {
        first.completeExceptionally(e);
      }
    });
    var second = PipelineRun.run(b, slip);
    t.join();
    assertThat(first.get().result.exitCode()).as(first.get().toString()).isZero();
    assertThat(second.result.exitCode()).as(second.toString()).isZero();
    assertThat(PipelineRun.leftovers(first.get().runId)).isEmpty();
    assertThat(PipelineRun.leftovers(second.runId)).isEmpty();
  }
}
