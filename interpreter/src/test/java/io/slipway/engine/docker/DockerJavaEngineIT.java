package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerEngineContract;
import io.slipway.engine.EngineUnavailable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine contract against the real Docker engine; skipped when none answers. */
class DockerJavaEngineIT extends ContainerEngineContract {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @Override
  protected ContainerEngine engine() {
    return ENGINE.get();
  }

  @Override
  protected String testImage() {
    return TestEngines.TEST_IMAGE;
  }

  @Test
  void unreachableEngineNamesTheAddress() {
    assertThatThrownBy(() -> DockerJavaEngine.connect("unix:///tmp/no-such-docker.sock", null))
        .isInstanceOf(EngineUnavailable.class)
        .hasMessageStartingWith("cannot reach the Docker engine at unix:///tmp/no-such-docker.sock")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void addressIsTheConfiguredHost() {
    assertThat(ENGINE.get().address()).startsWith("unix://");
  }

  /**
   * A forced removal that meets one already under way (another thread's, or the same run's
   * retry after an interrupted request) is answered "already in progress" at once: it must
   * still return only when the container is gone, or a run's cleanup ends with it present.
   */
  @Test
  void aRemovalOverlappingAnotherReturnsOnlyOnceTheContainerIsGone() {
    for (int i = 0; i < 8; i++) {
      String id = run(List.of("sleep", "60"), null);
      var first = CompletableFuture.runAsync(() -> engine().removeContainer(id, true));
      engine().removeContainer(id, true);
      assertThat(engine().inspectContainer(id)).as("attempt %d", i).isEmpty();
      first.join();
    }
  }
}
