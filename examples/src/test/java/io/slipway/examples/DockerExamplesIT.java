package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker examples, end to end against the real engine and two real registries
 * (127.0.0.1:5000 for CI, 127.0.0.1:5001 as the promotion target). Each run starts from a copy
 * of its example in a temp dir ({@code build.number} 1) and must succeed and leave no labelled
 * container, network or volume behind. A hung run fails its test instead of the whole build.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DockerExamplesIT {
  private static LocalRegistry ci;
  private static LocalRegistry prod;

  @BeforeAll
  static void setUp() throws Exception {
    DockerCli.ensureBaseImage(ExampleFiles.repository());
    ci = LocalRegistry.start(5000);
    prod = LocalRegistry.start(5001);
  }

  @AfterAll
  static void tearDown() {
    // Pushed images stay in the local engine by design; the tests own them, so remove them.
    DockerCli.removeImages("localhost:5000/books-ms", "localhost:5000/nerd-dinner-",
        "localhost:5001/nerd-dinner-");
    if (prod != null) {
      prod.close();
    }
    if (ci != null) {
      ci.close();
    }
  }

  @Test
  void booksMsIsTestedPublishedAndVerified(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("books-ms"), tmp.resolve("books-ms"));
    gitInit(dir);   // the checkout stage reports the commit
    var run = ExampleRuns.run(dir.resolve("Slipfile"),
        Map.of("registry", ci.address(), "port", String.valueOf(freePort())));

    run.assertSucceeded();
    assertThat(run.output()).contains("23 passed, 0 failed", "is tested and published");
    assertThat(ci.tagsJson("books-ms")).contains("\"slipway-books-ms-1\"", "\"latest\"");
    assertThat(DockerCli.lines("images", "-q", "books-ms-tests:slipway-books-ms-1"))
        .as("the test image is not kept").isEmpty();
    assertThat(DockerCli.lines("images", "-q", "books-ms-db:slipway-books-ms-1"))
        .as("the database image is not kept").isEmpty();
    assertNothingLeft(run);
  }

  @Test
  void nerdDinnerIsBuiltTestedPushedAndPromoted(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("nerd-dinner-ci"), tmp.resolve("nd"));
    var ciRun = ExampleRuns.run(dir.resolve("Slipfile"), Map.of("registry", ci.address()));
    ciRun.assertSucceeded();
    assertThat(ciRun.output()).contains("e2e: all checks passed");
    String version = "slipway-nerd-dinner-ci-1";
    for (String component : List.of("db", "api", "message-handler", "web")) {
      assertThat(ci.tagsJson("nerd-dinner-" + component)).contains("\"" + version + "\"");
    }
    assertNothingLeft(ciRun);

    var promotion = ExampleRuns.run(dir.resolve("promote.slip"), Map.of("version", version,
        "source", ci.address(), "target", prod.address()));
    promotion.assertSucceeded();
    for (String component : List.of("db", "api", "message-handler", "web")) {
      assertThat(prod.tagsJson("nerd-dinner-" + component)).contains("\"" + version + "\"");
    }
    assertNothingLeft(promotion);
  }

  @Test
  void promotingAVersionThatWasNeverBuiltFails(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("nerd-dinner-ci"), tmp.resolve("nd"));
    var promotion = ExampleRuns.run(dir.resolve("promote.slip"), Map.of("version", "no-such-tag",
        "source", ci.address(), "target", prod.address()));
    assertThat(promotion.result().exitCode()).isEqualTo(1);
    assertThat(promotion.output()).contains("no-such-tag is not in " + ci.address());
    assertNothingLeft(promotion);
  }

  @Test
  void multiStageRuntimeImageIsSmallerThanTheBuilder(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("multi-stage"), tmp.resolve("ms"));
    var run = ExampleRuns.run(dir.resolve("Slipfile"), Map.of());
    run.assertSucceeded();
    assertThat(run.output()).contains("hello from multi-stage").containsPattern("runtime .* < builder");
    assertNothingLeft(run);
    assertThat(DockerCli.lines("images", "-q", "--filter", "label=io.slipway.run=" + run.runId()))
        .as("images built by the run and not pushed are removed").isEmpty();
  }

  @Test
  void aContainerIsUpgradedAndRolledBackForReal(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("container-upgrade"), tmp.resolve("cu"));
    var run = ExampleRuns.run(dir.resolve("Slipfile"), Map.of());
    run.assertSucceeded();
    assertThat(run.output()).contains("version broken failed its health check: rolling back",
        "upgraded to version 2", "replace refused: container `web` exited before it was ready",
        "serving: version 3");
    assertNothingLeft(run);
  }

  private static void assertNothingLeft(ExampleRuns.Outcome run) {
    assertThat(run.runId()).isNotNull();
    assertThat(DockerCli.leftovers(run.runId())).as("labelled resources left by %s", run.runId())
        .isEmpty();
  }

  /** A host port nothing listens on now, for the deployed service. */
  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void gitInit(Path dir) {
    for (List<String> git : List.of(
        List.of("git", "init", "-q", "-b", "main"),
        List.of("git", "add", "."),
        List.of("git", "-c", "user.name=Slipway Tests", "-c", "user.email=tests@slipway.invalid",
            "commit", "-q", "-m", "books-ms"))) {
      DockerCli.exec(git, dir);
    }
  }
}
