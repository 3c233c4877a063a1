package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.docker.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build / image / tag / save / load / export / importImage through real pipelines. */
class ImageBuiltinsIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void multiStageBuildWithTargetArgsAndDockerignore(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("Dockerfile.multi"), """
        FROM %s AS builder
        ARG VERSION=0
        COPY . /src
        RUN dd if=/dev/zero of=/big bs=1024 count=2048 2>/dev/null && echo "v$VERSION" > /version
        FROM %s AS runtime
        COPY --from=builder /version /version
        CMD ["cat", "/version"]
        """.formatted(PipelineRun.IMAGE, PipelineRun.IMAGE));
    Files.writeString(app.resolve(".dockerignore"), "*.secret\n");
    Files.writeString(app.resolve("x.secret"), "hunter2");
    Files.writeString(app.resolve("main.txt"), "main");
    var run = PipelineRun.run(dir, """
        pipeline("images") {
            stage("build") {
                val builder = build(context = "app", dockerfile = "Dockerfile.multi", target = "builder",
                                    tag = "slipway-it/builder:${build.number}", args = mapOf("VERSION" to "1.2"))
                val img = build(context = "app", dockerfile = "Dockerfile.multi", tag = "slipway-it/app:${build.number}",
                                args = mapOf("VERSION" to "1.2"), labels = mapOf("ci" to "true"))
                echo("sizes ${builder.size} ${img.size}")
                assert(img.size < builder.size, "runtime is smaller")
                assert(run(image = img).stdout == "v1.2\\n", "built image runs")
                assert(run(image = builder, command = "ls /src").stdout == "Dockerfile.multi\\nmain.txt\\n", "ignored")
                val tagged = img.tag("slipway-it/tagged:${build.number}")
                tagged.save("out/app.tar")
                writeFile("ref.txt", tagged.ref)
                val c = start(image = img, command = listOf("sh", "-c", "echo exported > /marker; sleep 60"))
                waitUntil(timeout = 10.seconds) { c.exec("cat /marker", check = false).exitCode == 0 }
                c.export("out/fs.tar")
                val imported = importImage("out/fs.tar", "slipway-it/imported:${build.number}")
                assert(run(image = imported, command = listOf("/bin/cat", "/marker")).stdout == "exported\\n")
            }
        }
        """);
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("Step 1/").contains("sizes ");
    assertThat(dir.resolve("out/app.tar")).isNotEmptyFile();
    // everything built, tagged or imported by the run is gone (nothing was pushed or kept)
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
    String ref = Files.readString(dir.resolve("ref.txt")).trim();
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.inspectImage(ref)).isEmpty();
      // load brings the saved image back
      var load = PipelineRun.run(dir, """
          pipeline("load") {
              stage("l") { load("out/app.tar") }
          }
          """);
      assertThat(load.result.exitCode()).as(load.toString()).isZero();
      assertThat(e.inspectImage(ref)).isPresent();
      e.removeImage(ref, true);
    }
  }

  @Test
  void keptImagesStay(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + PipelineRun.IMAGE + "\nRUN echo kept > /k\n");
    var run = PipelineRun.run(dir, """
        pipeline("keep") {
            stage("b") {
                build(tag = "slipway-it/kept:1", keep = true)
                build(tag = "slipway-it/dropped:1")
            }
        }
        """);
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.inspectImage("slipway-it/kept:1")).isPresent();
      assertThat(e.inspectImage("slipway-it/dropped:1")).isEmpty();
      e.removeImage("slipway-it/kept:1", true);
    }
  }

  @Test
  void aFailingBuildNamesTheStepAndShowsItsOutput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + PipelineRun.IMAGE + "\nRUN echo compiling; exit 9\n");
    var run = PipelineRun.run(dir, """
        pipeline("broken") {
            stage("b") { build(tag = "slipway-it/broken:1") }
        }
        """);
    assertThat(run.result.exitCode()).isEqualTo(1);
    assertThat(run.result.error()).contains("StepFailed").contains("build . failed").contains("exit");
    assertThat(run.log()).contains("compiling");
  }
}
