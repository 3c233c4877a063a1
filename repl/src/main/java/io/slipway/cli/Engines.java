package io.slipway.cli;

import io.slipway.api.Slipway;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineUnavailable;
import java.util.function.Supplier;

/**
 * Where the CLI gets its collaborators. The Docker engine is only reached through
 * {@link #docker()}, whose supplier loads the docker-java classes when first called, so
 * {@code check}, {@code plan} and pipelines without containers never load them.
 */
final class Engines {
  private Engines() {}

  static Slipway slipway(Cli cli) {
    return new Slipway(cli.warmup().registry());
  }

  /** Connects on first call, honouring {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, ... */
  static Supplier<ContainerEngine> docker() {
    return DockerConnector::connect;
  }

  /** Connects now, or a {@link UserError} (exit 3) naming the address tried. */
  static ContainerEngine connectOrFail() {
    try {
      return DockerConnector.connect();
    } catch (EngineUnavailable e) {
      throw new UserError(ExitCode.INFRASTRUCTURE, e.getMessage());
    }
  }

  /** A separate class so that merely loading {@link Engines} never links docker-java. */
  private static final class DockerConnector {
    static ContainerEngine connect() {
      return io.slipway.engine.docker.DockerJavaEngine.connect();
    }
  }
}
