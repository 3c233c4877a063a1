package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing left behind: SIGINT during a run with a container, network and agent removes them
 * all (exit 130); after {@code kill -9} of a run, {@code slipway gc} removes what it left.
 * Needs a Docker engine and the busybox test image ({@code scripts/build-test-images.sh}).
 */
class DockerCleanupIT {
  static final String IMAGE = "slipway-test/busybox:latest";
  static final String PIPELINE = """
      pipeline("cleanup-it") {
          agent(image = "%s")
          stage("busy") {
              val net = network("cleanup-net")
              start(image = image("%s"), name = "sleeper", network = net,
                    command = listOf("sleep", "600"))
              echo("resources ready")
              sh("sleep 600")
          }
      }
      """.formatted(IMAGE, IMAGE);

  @TempDir
  Path dir;

  @BeforeAll
  static void image() throws Exception {
    assumeThat(docker("version").code).as("a Docker engine").isEqualTo(0);
    Path script = Path.of("..", "scripts", "build-test-images.sh");
    assertThat(new ProcessBuilder(script.toString()).inheritIO().start().waitFor()).isEqualTo(0);
  }

  record Out(int code, String text) {}

  static Out docker(String... args) throws IOException, InterruptedException {
    var cmd = new java.util.ArrayList<>(java.util.List.of("docker"));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Out(p.waitFor(), text);
  }

  static String labelled(String kind, String runId) throws Exception {
    String filter = "label=io.slipway.run=" + runId;
    return switch (kind) {
      case "container" -> docker("ps", "-aq", "--filter", filter).text.strip();
      case "network" -> docker("network", "ls", "-q", "--filter", filter).text.strip();
      default -> docker("volume", "ls", "-q", "--filter", filter).text.strip();
    };
  }

  /** Starts the run with --json and waits until its resources exist; returns the run id. */
  private String startAndWait(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(out);
      // the agent container exists and runs `sleep 600` (its step has started)
      if (text.contains("resources ready") && text.contains("\"description\":\"sh sleep 600\"")) {
        Thread.sleep(1000);
        String first = text.substring(0, text.indexOf('\n'));
        return new ObjectMapper().readTree(first).get("runId").asText();
      }
      assertThat(p.isAlive()).as("run still going: " + text).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not get ready: " + Files.readString(out));
  }

  @Test
  void sigintRemovesEverythingTheRunCreated() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), PIPELINE);
    Path out = dir.resolve("out.jsonl");
    Path err = dir.resolve("err.txt");
    Process p = JarProcess.builder(dir, Map.of(), "run", "--json").redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    String runId = startAndWait(p, out);
    assertThat(labelled("container", runId)).isNotEmpty();
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(130);
    assertThat(Files.readString(err)).contains("cleanup removed");
    assertThat(labelled("container", runId)).isEmpty();
    assertThat(labelled("network", runId)).isEmpty();
    assertThat(labelled("volume", runId)).isEmpty();
  }

  @Test
  void gcRemovesWhatAKilledRunLeft() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), PIPELINE);
    Path out = dir.resolve("out.jsonl");
    Process p = JarProcess.builder(dir, Map.of(), "run", "--json").redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String runId = startAndWait(p, out);
    new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(labelled("container", runId)).as("a killed run leaves its containers").isNotEmpty();
    var gc = JarProcess.run(dir, Map.of(), "gc");
    assertThat(gc.code()).as(gc.out() + gc.err()).isEqualTo(0);
    assertThat(gc.out()).contains("removed container").contains("gc: removed");
    assertThat(labelled("container", runId)).isEmpty();
    assertThat(labelled("network", runId)).isEmpty();
    assertThat(labelled("volume", runId)).isEmpty();
  }

  @Test
  void keepLeavesResourcesUntilGc() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("keep-it") {
            stage("start") {
                start(image = image("%s"), name = "kept", command = listOf("sleep", "600"))
            }
        }
        """.formatted(IMAGE));
    var r = JarProcess.run(dir, Map.of(), "run", "--keep", "--json");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    String runId = new ObjectMapper().readTree(r.out().substring(0, r.out().indexOf('\n')))
        .get("runId").asText();
    assertThat(labelled("container", runId)).as("--keep keeps the container").isNotEmpty();
    var gc = JarProcess.run(dir, Map.of(), "gc");
    assertThat(gc.code()).as(gc.out() + gc.err()).isEqualTo(0);
    assertThat(labelled("container", runId)).isEmpty();
  }
}
