package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.docker.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images carry no run metadata, and runs never touch each other's images: the same source
 * builds to the same id; two runs building the same fixed tag each run their own image, and
 * neither's cleanup removes the other's tag or image; nothing dangling is left.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImageIsolationIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  private static void context(Path dir, String content) throws Exception {
    Files.createDirectories(dir.resolve("ctx"));
    Files.writeString(dir.resolve("ctx/Dockerfile"), "FROM " + PipelineRun.IMAGE
        + "\nCOPY content /content\n");
    Files.writeString(dir.resolve("ctx/content"), content);
  }

  @Test
  void theSameSourceBuiltByTwoRunsIsTheSameImageWithoutRunLabels(@TempDir Path dir) throws Exception {
    context(dir, "same " + UUID.randomUUID() + "\n");
    String tag = "slipway-it/repro:" + UUID.randomUUID().toString().substring(0, 8);
    // the first run keeps its image: the second run's build of the same source is the same image
    // (run labels would make it a new one every time)
    var first = PipelineRun.run(dir, """
        pipeline("reproducible") {
            stage("b") { writeFile("id", build(context = "ctx", tag = "%s", keep = true).id) }
        }
        """.formatted(tag));
    assertThat(first.result.exitCode()).as(first.toString()).isZero();
    String firstId = Files.readString(dir.resolve("id")).strip();
    var second = PipelineRun.run(dir, """
        pipeline("reproducible") {
            stage("b") {
                val img = build(context = "ctx")
                writeFile("id", img.id)
                assert(img.tags == listOf("%s"), "the run's own references are not shown: ${img.tags}")
            }
        }
        """.formatted(tag));
    assertThat(second.result.exitCode()).as(second.toString()).isZero();
    String secondId = Files.readString(dir.resolve("id")).strip();
    assertThat(firstId).startsWith("sha256:").as("both builds gave the same image id").isEqualTo(secondId);
    assertThat(PipelineRun.leftovers(first.runId)).isEmpty();
    assertThat(PipelineRun.leftovers(second.runId)).isEmpty();
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.inspectImage(firstId).orElseThrow().tags()).as("kept, and only that").containsExactly(tag);
      e.removeImage(tag, false);
      assertThat(e.inspectImage(firstId)).isEmpty();
    }
  }

  @Test
  void builtImagesCarryOnlyThePipelinesLabels(@TempDir Path dir) throws Exception {
    context(dir, "labels\n");
    var run = PipelineRun.run(dir, """
        pipeline("labels") {
            stage("b") {
                val img = build(context = "ctx", tag = "slipway-it/labels:${build.number}",
                                labels = mapOf("team" to "ci"), keep = true)
                writeFile("id", img.id)
            }
        }
        """);
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    String id = Files.readString(dir.resolve("id")).strip();
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      ImageInfo kept = e.inspectImage(id).orElseThrow();
      assertThat(kept.labels()).containsEntry("team", "ci")
          .doesNotContainKeys(io.slipway.engine.RunLabels.RUN, io.slipway.engine.RunLabels.OWNER,
              io.slipway.engine.RunLabels.MANAGED, io.slipway.engine.RunLabels.PIPELINE);
      assertThat(kept.tags()).as("kept under its tag only").hasSize(1)
          .allMatch(t -> t.startsWith("slipway-it/labels:"));
      e.removeImage(kept.tags().get(0), false);
    }
  }

  @Test
  void twoRunsBuildingTheSameTagNeverUseOrDeleteEachOthersImage(@TempDir Path root) throws Exception {
    String tag = "slipway-it/shared:" + UUID.randomUUID().toString().substring(0, 8);
    Path a = Files.createDirectories(root.resolve("a"));
    Path b = Files.createDirectories(root.resolve("b"));
    context(a, "from a\n");
    context(b, "from b\n");
    String slipfile = """
        pipeline("shared-tag-%s") {
            stage("s") {
                val img = build(context = "ctx", tag = "%s")
                writeFile("built", img.id)
                waitUntil(timeout = 120.seconds, every = 100.ms) { fileExists("go") }
                echo("sees " + run(image = img, command = "cat /content").stdout.trim())
            }
        }
        """;
    // own threads: the common pool may have a single worker on a 2-core machine
    var threads = java.util.concurrent.Executors.newCachedThreadPool();
    var runA = CompletableFuture.supplyAsync(() -> run(a, slipfile.formatted("a", tag)), threads);
    await(a.resolve("built"), runA);
    var runB = CompletableFuture.supplyAsync(() -> run(b, slipfile.formatted("b", tag)), threads);
    await(b.resolve("built"), runB);
    String idA = Files.readString(a.resolve("built")).strip();
    String idB = Files.readString(b.resolve("built")).strip();
    assertThat(idA).isNotEqualTo(idB);
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.inspectImage(tag).map(ImageInfo::id)).as("b's build moved the tag").contains(idB);
      // a runs its image after b moved the tag, and ends while b still runs
      Files.writeString(a.resolve("go"), "");
      PipelineRun ra = runA.get(120, TimeUnit.SECONDS);
      assertThat(ra.result.exitCode()).as(ra.toString()).isZero();
      assertThat(ra.log()).contains("sees from a").doesNotContain("removed image-tag " + tag);
      assertThat(e.inspectImage(tag).map(ImageInfo::id)).as("a's cleanup left b's tag").contains(idB);
      assertThat(e.inspectImage(idA)).as("a's image removed with a").isEmpty();
      assertThat(e.inspectImage(idB)).as("b's image untouched").isPresent();
      Files.writeString(b.resolve("go"), "");
      PipelineRun rb = runB.get(120, TimeUnit.SECONDS);
      assertThat(rb.result.exitCode()).as(rb.toString()).isZero();
      assertThat(rb.log()).contains("sees from b");
      assertThat(e.inspectImage(tag)).isEmpty();
      assertThat(e.inspectImage(idB)).isEmpty();
      assertThat(PipelineRun.leftovers(ra.runId)).isEmpty();
      assertThat(PipelineRun.leftovers(rb.runId)).isEmpty();
      // nothing dangling: neither image survives untagged
      assertThat(e.listImages(Map.of()).stream().map(ImageInfo::id)).doesNotContain(idA, idB);
    } finally {
      threads.shutdownNow();
    }
  }

  private static PipelineRun run(Path dir, String slipfile) {
    try {
      return PipelineRun.run(dir, slipfile);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(Path file, CompletableFuture<PipelineRun> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(file) && !run.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (!Files.exists(file)) {
      throw new AssertionError("never got to " + file.getFileName() + ": "
          + (run.isDone() ? run.get().toString() : "still running"));
    }
  }
}
