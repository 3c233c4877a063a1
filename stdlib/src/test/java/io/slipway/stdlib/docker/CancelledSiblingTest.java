package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sibling cancelled by {@code failFast} has its containers stopped and removed when it is
 * cancelled, before the post blocks run, not only when the run ends.
 */
class CancelledSiblingTest {
  @Test
  void aCancelledSiblingsContainersAreRemovedBeforePost(@TempDir Path dir) throws Exception {
    var fake = new FakeContainerEngine();
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("fake") {
            parallel {
                stage("bad") {
                    waitUntil(timeout = 60.seconds, every = 20.ms) { fileExists("web-started") }
                    error("x")
                }
                stage("web") {
                    start(image = "nginx", name = "web")
                    writeFile("web-started", "1")
                    sleep(60.seconds)
                }
            }
            post { always { echo("post ran") } }
        }
        """);
    var slipway = new Slipway(Stdlib.registry());
    List<Event> events = new CopyOnWriteArrayList<>();
    var result = slipway.run(slipway.check(dir.resolve("Slipfile")), RunOptions.defaults()
        .withEvents(events::add).withEngineFactory(() -> fake).withEnvironment(Map.of()));
    assertThat(result.exitCode()).isEqualTo(1);
    int removed = -1;
    int post = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof Event.Resource r && r.kind().equals("container")
          && r.action().equals("removed")) {
        removed = i;
      }
      if (events.get(i) instanceof Event.StageStarted s && s.stage().equals("post")) {
        post = i;
      }
      if (events.get(i) instanceof Event.StageFinished f && f.stage().equals("web")) {
        assertThat(f.status()).isEqualTo(Status.CANCELLED);
      }
    }
    assertThat(removed).as("the container is removed").isNotNegative().isLessThan(post);
  }
}
