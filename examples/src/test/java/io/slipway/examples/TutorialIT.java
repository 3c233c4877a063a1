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
 * The tutorial's solutions ({@code docs/tutorial/*.slip}) run against the real engine, each
 * from a copy of the tutorial directory: each must succeed, print the line its exercise tells
 * the learner to check for, and leave no labelled container, network or volume behind.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TutorialIT {
  private static LocalRegistry registry;

  @BeforeAll
  static void setUp() throws Exception {
    DockerCli.ensureBaseImage(ExampleFiles.repository());
    registry = LocalRegistry.start(5000);
  }

  @AfterAll
  static void tearDown() {
    DockerCli.removeImages("localhost:5000/tutorial/greeter");
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void firstContainer(@TempDir Path tmp) {
    run(tmp, "01-first-container.slip", Map.of(), "the container said: hello from a container", "exit code: 3");
  }

  @Test
  void build(@TempDir Path tmp) {
    run(tmp, "02-build.slip", Map.of(), "the image says: ahoy");
    assertThat(DockerCli.lines("images", "-q", "tutorial-greeter:1")).as("the built image is removed").isEmpty();
  }

  @Test
  void services(@TempDir Path tmp) {
    run(tmp, "03-services.slip", Map.of(), "web answered: it works");
  }

  @Test
  void volumes(@TempDir Path tmp) {
    run(tmp, "04-volumes.slip", Map.of(), "the second container read: written by the first container");
  }

  @Test
  void registry(@TempDir Path tmp) throws Exception {
    run(tmp, "05-registry.slip", Map.of("registry", registry.address()), "tags in the registry: [1, latest]",
        "the pulled image says: published");
    assertThat(registry.tagsJson("tutorial/greeter")).contains("\"1\"", "\"latest\"");
  }

  @Test
  void compose(@TempDir Path tmp) {
    run(tmp, "06-compose.slip", Map.of(), "web reached db: db ok");
    assertThat(DockerCli.lines("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=tutorial"))
        .as("the compose project is down").isEmpty();
  }

  @Test
  void networkFaults(@TempDir Path tmp) {
    run(tmp, "07-network-faults.slip", Map.of(), "before the fault: the client reaches the server",
        "during the fault: the request failed", "after healing: the client reaches the server again");
  }

  @Test
  void networkSimulation(@TempDir Path tmp) {
    run(tmp, "08-network-simulation.slip", Map.of(), "before the faults: no packet lost",
        "slowed: the round trip takes at least 100ms", "partitioned: the client cannot reach the server",
        "NODE", "PARTITION", "healed: the client reaches the server again, without the delay");
  }

  private static void run(Path tmp, String solution, Map<String, String> params, String... expected) {
    Path dir = ExampleFiles.copy(TutorialFiles.dir(), tmp.resolve("tutorial"));
    var run = ExampleRuns.run(dir.resolve(solution), params);
    run.assertSucceeded();
    assertThat(run.output()).contains(expected);
    assertThat(DockerCli.leftovers(run.runId())).as("labelled resources left by %s", solution).isEmpty();
  }
}
