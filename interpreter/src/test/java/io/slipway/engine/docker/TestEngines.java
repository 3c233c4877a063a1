package io.slipway.engine.docker;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real engine for integration tests: connects as configured by the environment, skips the
 * test with a clear message when no engine answers, and builds the busybox test image
 * ({@code scripts/build-test-images.sh}) when it is missing.
 */
public final class TestEngines {
  public static final String TEST_IMAGE = "slipway-test/busybox:latest";

  private TestEngines() {}

  public static ContainerEngine realOrSkip() {
    ContainerEngine engine;
    try {
      engine = DockerJavaEngine.connect();
    } catch (EngineUnavailable e) {
      Assumptions.assumeTrue(false, "skipped: " + e.getMessage());
      throw e;
    }
    if (engine.inspectImage(TEST_IMAGE).isEmpty()) {
      buildTestImage();
    }
    return engine;
  }

  /** Runs scripts/build-test-images.sh from the repository root. */
  public static void buildTestImage() {
    Path script = repoRoot().resolve("scripts/build-test-images.sh");
    try {
      Process p = new ProcessBuilder(script.toString()).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(script + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The repository root: the first parent of the working directory with a scripts/ directory. */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("scripts"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no scripts/ directory above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
