package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine failures cross into the interpreter as {@code EngineError}s at the builtin boundary,
 * also where a builtin does not wrap its engine call itself (the real-engine twin is
 * {@code EngineErrorIT}).
 */
class EngineErrorsTest {
  @TempDir
  Path dir;

  private final List<Event> events = new ArrayList<>();

  private RunResult run(FakeContainerEngine fake, String slipfile) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), slipfile);
    var slipway = new Slipway(Stdlib.registry());
    return slipway.run(slipway.check(dir.resolve("Slipfile")), RunOptions.defaults()
        .withEvents(events::add).withEngineFactory(() -> fake).withEnvironment(Map.of()));
  }

  private List<String> log() {
    return events.stream().filter(e -> e instanceof Event.Log).map(e -> ((Event.Log) e).line()).toList();
  }

  @Test
  void aPropertyReadThatPullsFailsWithACatchableEngineError() throws Exception {
    var fake = new FakeContainerEngine().failOn("pull", "registry unreachable");
    var result = run(fake, """
        pipeline("p") {
            stage("s") {
                try { echo("${image("app:1").size}") } catch (e: EngineError) { echo("caught: ${e.message}") }
            }
        }
        """);
    assertThat(result.exitCode()).as(result.error()).isZero();
    assertThat(log()).contains("caught: pull: registry unreachable");
  }

  @Test
  void aMethodWhoseHelperCallFailsIsAnEngineErrorNotAnInternalError() throws Exception {
    var fake = new FakeContainerEngine().onStart("tests", 4, "").failOn("inspectContainer", "engine went away");
    var result = run(fake, """
        pipeline("p") {
            stage("s") { run(image = "tests") }
        }
        """);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.error()).contains("EngineError: inspectContainer: engine went away")
        .doesNotContain("internal error");
  }
}
