package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine operation a builtin (method or property) performs, failing: the pipeline sees a
 * catchable {@code EngineError} naming the operation, never an internal error or another type.
 * ({@code build} is the documented exception: a failing build is a {@code StepFailed} holding
 * the build output, as the engine cannot tell a failing Dockerfile step from its own refusal.)
 */
class EngineErrorPathsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} in: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      pull             | pull("app:1")
      push             | pull("app:1").push()
      tag              | pull("app:1").tag("app:2")
      inspectImage     | echo(image("app:1").size)
      inspectImage     | echo(image("app:1").id)
      saveImages       | pull("app:1").save("app.tar")
      createContainer  | start(image = "app:1", name = "web")
      startContainer   | start(image = "app:1", name = "web")
      inspectContainer | echo(start(image = "app:1", name = "web").running)
      exec             | start(image = "app:1", name = "web").exec("true")
      logs             | echo(start(image = "app:1", name = "web").logs())
      stopContainer    | start(image = "app:1", name = "web").stop()
      copyFrom         | start(image = "app:1", name = "web").copyFrom("/etc/hosts", "out/")
      waitContainer    | run(image = "app:1", command = "true")
      createNetwork    | network("net")
      connectNetwork   | network("net").connect(start(image = "app:1", name = "web"))
      inspectNetwork   | echo(network("net").containers())
      createVolume     | volume("data")
      """)
  void anEngineFailureIsACatchableEngineError(String operation, String statement)
      throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    var fake = new FakeContainerEngine().failOn(operation, "the engine said no");
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("p") {
            stage("s") {
                try {
                    %s
                    echo("no error")
                } catch (e: EngineError) {
                    echo("caught EngineError: ${e.message}")
                }
            }
        }
        """.formatted(statement));
    var slipway = new Slipway(Stdlib.registry());
    var checked = slipway.check(dir.resolve("Slipfile"));
    assertThat(checked.diagnostics()).as("check").isEmpty();
    List<Event> events = new CopyOnWriteArrayList<>();
    var result = slipway.run(checked, RunOptions.defaults().withEvents(events::add)
        .withEngineFactory(() -> fake).withEnvironment(Map.of()));
    List<String> log = events.stream().filter(e -> e instanceof Event.Log)
        .map(e -> ((Event.Log) e).line()).toList();
    assertThat(result.exitCode()).as(result.error() + "\n" + log).isZero();
    assertThat(log).as(String.join("\n", log)).anySatisfy(l -> assertThat(l)
        .startsWith("caught EngineError: ").contains("the engine said no"))
        .noneSatisfy(l -> assertThat(l).contains("internal error"));
  }
}
