package io.slipway.compose.up;

import io.slipway.compose.model.Service;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.Subscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker-compose run --rm}: a one-off container of a service
 * ({@code <project>_<service>_run_<slug>}, labelled {@code oneoff=True}, ports not published) with
 * another command and extra environment; its output streams, its exit code is returned, and it is
 * removed.
 */
public final class OneOff {
  /** How the one-off ended. */
  public record Result(int exitCode, String container, boolean timedOut) {}

  private final ContainerEngine engine;
  private final SpecBuilder specs;
  private final Listener listener;

  OneOff(ContainerEngine engine, SpecBuilder specs, Listener listener) {
    this.engine = engine;
    this.specs = specs;
    this.listener = listener;
  }

  Result run(Service s, List<String> command, Map<String, String> env, OutputSink output, Duration timeout)
      throws InterruptedException {
    String slug = java.util.HexFormat.of().formatHex(randomBytes());
    ContainerSpec base = specs.build(s, null, slug, null);
    Map<String, String> allEnv = new LinkedHashMap<>(base.env());
    allEnv.putAll(env);
    var b = ContainerSpec.builder(base.image()).name(base.name()).labels(base.labels()).env(allEnv)
        .command(command == null ? base.command() : command).entrypoint(base.entrypoint()).workdir(base.workdir())
        .user(base.user()).network(base.network()).healthcheck(base.healthcheck()).init(base.init())
        .hostname(base.hostname()).stopTimeout(base.stopTimeout()).options(base.options());
    base.aliases().forEach(b::alias);
    base.mounts().forEach(b::mount);
    base.capAdd().forEach(b::capAdd);
    ContainerSpec spec = b.build();
    String id = engine.createContainer(spec);
    listener.owned(ResourceTracker.Kind.CONTAINER, id, spec.name());
    try {
      for (SpecBuilder.Attachment a : specs.attachments(s)) {
        engine.connectNetwork(a.network(), id, a.aliases());
      }
      CountDownLatch ended = new CountDownLatch(1);
      engine.startContainer(id);
      // following from the first line after the start: a stream opened before it ends at once
      Subscription logs = engine.followLogs(id, -1, output, ended::countDown);
      try {
        int code;
        try {
          code = engine.waitContainer(id, timeout);
        } catch (io.slipway.engine.EngineException e) {
          if (Thread.currentThread().isInterrupted() || !e.getMessage().contains("did not exit")) {
            throw e;
          }
          engine.killContainer(id, "KILL");
          return new Result(-1, spec.name(), true);
        }
        ended.await(5, TimeUnit.SECONDS);
        return new Result(code, spec.name(), false);
      } finally {
        logs.close();
      }
    } finally {
      try {
        engine.removeContainer(id, true);
      } catch (RuntimeException e) {
        // interrupted: the owner's cleanup removes it
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }
}
