package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerEngineContract;
import io.slipway.engine.EngineUnavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine contract against the real Docker engine; skipped when none answers. */
class DockerJavaEngineIT extends ContainerEngineContract {
  private static ContainerEngine engine;

  @BeforeAll
  static void connect() {
    engine = TestEngines.realOrSkip();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Override
  protected ContainerEngine engine() {
    return engine;
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
    assertThat(engine.address()).startsWith("unix://");
  }
}
