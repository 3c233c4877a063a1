package io.slipway.engine.docker;

import io.slipway.engine.ContainerEngine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real engine for one integration-test class, registered as a static
 * {@code @RegisterExtension} field: connects before the class's tests (skipping them when no
 * engine answers, and building the test image when it is missing, see
 * {@link TestEngines#realOrSkip()}) and closes the connection after them.
 */
public final class RealEngine implements BeforeAllCallback, AfterAllCallback {
  private ContainerEngine engine;

  @Override
  public void beforeAll(ExtensionContext context) {
    engine = TestEngines.realOrSkip();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  /** The connected engine; only valid while the class's tests run. */
  public ContainerEngine get() {
    if (engine == null) {
      throw new IllegalStateException("no engine: RealEngine must be a static @RegisterExtension field");
    }
    return engine;
  }
}
