package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.run.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build.number persistence, secrets from .slipway/secrets, the pre-run secret check. */
class BuildAndSecretsTest {
  @TempDir Path dir;

  private static final String NUMBER = """
      pipeline("books") {
          stage("n") { echo("${build.number} ${build.tag}") }
      }
      """;

  @Test
  void buildNumberIsPersistedPerPipeline() throws Exception {
    assertThat(TestRuns.run(dir, NUMBER).logs("n")).containsExactly("1 slipway-books-1");
    assertThat(TestRuns.run(dir, NUMBER).logs("n")).containsExactly("2 slipway-books-2");
    assertThat(Files.readString(dir.resolve(".slipway/builds/books")).trim()).isEqualTo("2");
    var plan = TestRuns.plan(dir, NUMBER, Map.of());
    assertThat(plan.ok()).isTrue();
    assertThat(TestRuns.run(dir, NUMBER).logs("n")).as("planning does not take a number")
        .containsExactly("3 slipway-books-3");
  }

  @Test
  void concurrentRunsGetDistinctNumbers() throws Exception {
    var checked = TestRuns.check(dir, NUMBER);
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Callable<String> c = () -> {
          var lines = Collections.synchronizedList(new ArrayList<String>());
          new Slipway(TestRuns.REGISTRY).run(checked, RunOptions.defaults().withEvents(e -> {
            if (e instanceof Event.Log l) {
              lines.add(l.line());
            }
          }));
          return lines.get(0);
        };
        runs.add(pool.submit(c));
      }
      var numbers = new ArrayList<String>();
      for (var f : runs) {
        numbers.add(f.get().split(" ")[0]);
      }
      assertThat(numbers).doesNotHaveDuplicates()
          .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void secretsComeFromTheSecretsFileAndAreMasked() throws Exception {
    Files.createDirectories(dir.resolve(".slipway"));
    Files.writeString(dir.resolve(".slipway/secrets"), "# comment\nREG_PASSWORD=pa55-w0rd-xyz\n");
    var out = TestRuns.run(dir, """
        pipeline("s") {
            stage("use") {
                withEnv("P" to secret("REG_PASSWORD")) {
                    sh("echo value=\\$P")
                    sh("echo \\$P >&2; exit 4")
                }
            }
        }
        """);
    assertThat(out.logs("use")).containsExactly("value=****", "****");
    assertThat(out.result().exitCode()).isEqualTo(1);
    assertThat(out.events().toString()).doesNotContain("pa55-w0rd-xyz");
    assertThat(out.result().error()).doesNotContain("pa55-w0rd-xyz");
  }

  @Test
  void missingSecretFailsBeforeAnythingRuns() throws Exception {
    var out = TestRuns.run(dir, """
        echo("top level")
        pipeline("s") {
            stage("use") { withEnv("P" to secret("NOT_SET_ANYWHERE_42")) { echo("x") } }
        }
        """);
    assertThat(out.result().exitCode()).isEqualTo(2);
    assertThat(out.result().error()).contains("error[E0506]: secret `NOT_SET_ANYWHERE_42` is "
        + "not available");
    assertThat(out.events()).noneMatch(e -> e instanceof Event.Log || e instanceof Event.RunStarted);
    assertThat(dir.resolve(".slipway/builds")).doesNotExist();
  }
}
