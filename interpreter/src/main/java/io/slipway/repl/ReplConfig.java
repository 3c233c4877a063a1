package io.slipway.repl;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineConnector;
import io.slipway.engine.EngineDecorator;
import io.slipway.run.EventSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a {@link ReplSession} is built from.
 *
 * @param registry the builtins (the standard library's)
 * @param events where program output goes as it happens (logs, steps, stages); secrets are
 *     masked before it arrives
 * @param engineFactory connects to the container engine; called only when something needs it
 * @param environment the environment for {@code secret(..)} and host commands
 * @param dir the directory input typed before any {@code :load} works in
 * @param hostPaths directories outside the pipeline directory file builtins may use
 * @param connector connects to the engines pipelines name with {@code docker(host, tls)};
 *     null: the standard library's (docker-java)
 * @param decorator wraps those engines once connected (the session's {@code :explain}); null:
 *     none
 */
public record ReplConfig(BuiltinRegistry registry, EventSink events,
    Supplier<ContainerEngine> engineFactory, Map<String, String> environment, Path dir,
    List<Path> hostPaths, EngineConnector connector, EngineDecorator decorator) {
  public ReplConfig {
    events = events == null ? EventSink.NONE : events;
    environment = environment == null ? System.getenv() : environment;
    dir = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath().normalize();
    hostPaths = hostPaths == null ? List.of() : List.copyOf(hostPaths);
    if (engineFactory == null) {
      engineFactory = () -> {
        throw new io.slipway.engine.EngineUnavailable("(none)", "no container engine configured");
      };
    }
  }

  /** A session with no engine, printing nothing: for tests of evaluation. */
  public static ReplConfig of(BuiltinRegistry registry) {
    return new ReplConfig(registry, null, null, null, null, null, null, null);
  }

  public ReplConfig withEvents(EventSink sink) {
    return new ReplConfig(registry, sink, engineFactory, environment, dir, hostPaths, connector, decorator);
  }

  public ReplConfig withEngine(Supplier<ContainerEngine> factory) {
    return new ReplConfig(registry, events, factory, environment, dir, hostPaths, connector, decorator);
  }

  public ReplConfig withDir(Path d) {
    return new ReplConfig(registry, events, engineFactory, environment, d, hostPaths, connector, decorator);
  }

  public ReplConfig withEnvironment(Map<String, String> env) {
    return new ReplConfig(registry, events, engineFactory, env, dir, hostPaths, connector, decorator);
  }

  public ReplConfig withHostPaths(List<Path> paths) {
    return new ReplConfig(registry, events, engineFactory, environment, dir, paths, connector, decorator);
  }

  /** Engines named with {@code docker(host, tls)} connect through {@code c} (tests: fakes). */
  public ReplConfig withConnector(EngineConnector c) {
    return new ReplConfig(registry, events, engineFactory, environment, dir, hostPaths, c, decorator);
  }

  public ReplConfig withDecorator(EngineDecorator d) {
    return new ReplConfig(registry, events, engineFactory, environment, dir, hostPaths, connector, d);
  }

  /** Provides the connector and the decorator in {@code session}'s scope, for its runs. */
  void provideEngines(io.slipway.run.Session session) {
    if (connector != null) {
      session.scope().provide(EngineConnector.class, connector);
    }
    if (decorator != null) {
      session.scope().provide(EngineDecorator.class, decorator);
    }
  }
}
