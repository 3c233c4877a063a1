package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerEngineContract;
import io.slipway.engine.EngineUnavailable;
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
}
