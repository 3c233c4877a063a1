package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose examples end to end on the real engine (issue 9 item 7): WordPress + MySQL
 * stand-ins and books-ms's compose variant. Each run starts from a copy of its example
 * ({@code build.tag} {@code slipway-<pipeline>-1}), must succeed, and must leave no container,
 * network or volume of its compose project behind; the images its stack built are removed here.
 */
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ComposeExamplesIT {
  @BeforeAll
  static void baseImage() throws Exception {
    DockerCli.ensureBaseImage(ExampleFiles.repository());
  }

  @AfterAll
  static void removeBuiltImages() {
    DockerCli.removeImages("wordpress-compose-", "books-ms-compose");
  }

  @Test
  void wordpressPublishesPostsThatSurviveRestartAndDownUp(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("wordpress-compose"), tmp.resolve("wordpress-compose"));
    var run = ExampleRuns.run(dir.resolve("Slipfile"), Map.of("port", String.valueOf(freePort())));
    run.assertSucceeded();
    assertThat(run.output()).contains("wordpress-compose: 3 posts published, kept across restart and down/up");
    assertThat(dir.resolve("docker-compose.resolved.yml")).content().contains("WORDPRESS_DB_HOST: db:3306");
    assertNothingLeft(run, "wordpress-compose");
  }

  @Test
  void booksMsComposeRunsTheTestsThenTheServiceWithItsDatabase(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("books-ms"), tmp.resolve("books-ms"));
    var run = ExampleRuns.run(dir.resolve("compose.slip"), Map.of("port", String.valueOf(freePort())));
    run.assertSucceeded();
    assertThat(run.output()).contains("23 passed, 0 failed", "tests passed, deployed with its database, checked");
    assertNothingLeft(run, "books-ms");
  }

  private static void assertNothingLeft(ExampleRuns.Outcome run, String project) {
    assertThat(DockerCli.leftovers(run.runId())).as("labelled resources left by %s", run.runId()).isEmpty();
    String label = "label=com.docker.compose.project=" + project;
    assertThat(DockerCli.lines("ps", "-aq", "--filter", label)).as("containers of %s", project).isEmpty();
    assertThat(DockerCli.lines("network", "ls", "-q", "--filter", label)).as("networks of %s", project).isEmpty();
    assertThat(DockerCli.lines("volume", "ls", "-q", "--filter", label)).as("volumes of %s", project).isEmpty();
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
