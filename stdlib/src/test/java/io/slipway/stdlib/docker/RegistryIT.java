package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries against real {@code docker-registry} processes on loopback
 * ({@code scripts/start-registry.sh}): one open, one behind htpasswd basic auth.
 */
class RegistryIT {
  private static final String PASSWORD = "s3cret-Pa55";
  private static final Map<String, String> started = new HashMap<>();
  private static int open;
  private static int secured;

  @BeforeAll
  static void registries() throws Exception {
    PipelineRun.requireEngine();
    open = freePort();
    secured = freePort();
    start(open, null);
    start(secured, "ci:" + PASSWORD);
  }

  @AfterAll
  static void stop() throws IOException {
    // pulled and pushed references stay after a run by design; the test removes its own
    try (var e = io.slipway.engine.docker.DockerJavaEngine.connect()) {
      for (var img : e.listImages(Map.of())) {
        for (String tag : img.tags()) {
          if (tag.startsWith("localhost:" + open + "/") || tag.startsWith("localhost:" + secured + "/")) {
            e.removeImage(tag, true);
          }
        }
      }
    }
    for (var e : started.entrySet()) {
      ProcessHandle.of(Long.parseLong(e.getKey())).ifPresent(ProcessHandle::destroy);
      try (var walk = java.nio.file.Files.walk(Path.of(e.getValue()))) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void start(int port, String auth) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!java.nio.file.Files.isDirectory(root.resolve("scripts"))) {
      root = root.getParent();
    }
    var cmd = new java.util.ArrayList<>(java.util.List.of(root.resolve("scripts/start-registry.sh").toString(),
        Integer.toString(port)));
    if (auth != null) {
      cmd.add(auth);
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("registry did not start: " + out);
    }
    String pid = out.replaceAll("(?s).*REGISTRY_PID=(\\d+).*", "$1");
    String dir = out.replaceAll("(?s).*REGISTRY_DIR=(\\S+).*", "$1");
    started.put(pid, dir);
  }

  @Test
  void pushTagsPromoteAndPullWithAndWithoutAuth(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        val plain = registry("localhost:%1$d")
        val secure = registry("localhost:%2$d", username = "ci", password = secret("REG_PASSWORD"))
        pipeline("registries") {
            stage("push") {
                val pushed = image("%3$s").tag("localhost:%1$d/team/app:${build.tag}").push()
                echo("pushed ${pushed.ref}")
                assert(build.tag in plain.tags("team/app"), "tag listed")
                assert(plain.tags("no/such").isEmpty(), "unknown repository has no tags")
                promote(from = "localhost:%1$d/team/app:${build.tag}", to = "localhost:%2$d/prod/app:1.0")
                assert(secure.tags("prod/app") == listOf("1.0"), "promoted")
                pull("localhost:%2$d/prod/app:1.0")
                val again = pull("localhost:%1$d/team/app:${build.tag}", registry = plain)
                assert(run(image = again, command = "echo pulled-ok").stdout == "pulled-ok\\n")
            }
        }
        """.formatted(open, secured, PipelineRun.IMAGE), Map.of("REG_PASSWORD", PASSWORD), o -> o);
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).doesNotContain(PASSWORD);
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void pushingWithoutCredentialsFailsClearly(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("noauth") {
            stage("push") {
                image("%s").tag("localhost:%d/x/y:1").push()
            }
        }
        """.formatted(PipelineRun.IMAGE, secured));
    // a refused push fails the pipeline (1); only an unreachable engine is exit code 3
    assertThat(run.result.exitCode()).isEqualTo(1);
    assertThat(run.result.error()).contains("EngineError").contains("push localhost:" + secured + "/x/y:1");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void tagsWithWrongCredentialsAreRefused(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("badauth") {
            stage("tags") {
                registry("localhost:%d", username = "ci", password = secret("WRONG")).tags("x")
            }
        }
        """.formatted(secured), Map.of("WRONG", "nope-nope"), o -> o);
    assertThat(run.result.exitCode()).isEqualTo(1);
    assertThat(run.result.error()).contains("unauthorized").contains("credentials of `ci` rejected")
        .doesNotContain("nope-nope");
  }
}
