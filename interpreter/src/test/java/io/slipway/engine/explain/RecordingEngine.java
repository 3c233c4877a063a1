package io.slipway.engine.explain;

import io.slipway.engine.ContainerEngine;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake engine that records each call (as {@code > method}) into the same list the
 * explanations go to, so tests see both and their order. Creates return {@code id-N}.
 */
final class RecordingEngine {
  private RecordingEngine() {}

  static ContainerEngine into(List<String> log) {
    return into(log, null);
  }

  /** As {@link #into(List)}; calls to {@code failing} throw an EngineException. */
  static ContainerEngine into(List<String> log, String failing) {
    AtomicInteger ids = new AtomicInteger();
    return (ContainerEngine) Proxy.newProxyInstance(RecordingEngine.class.getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          if (m.getName().equals("toString")) {
            return "RecordingEngine";
          }
          log.add("> " + m.getName());
          if (m.getName().equals(failing)) {
            throw new io.slipway.engine.EngineException("no such image");
          }
          Class<?> r = m.getReturnType();
          if (m.getName().equals("createVolume")) {
            return ((io.slipway.engine.VolumeSpec) args[0]).name();
          }
          if (r == String.class) {
            return m.getName().equals("address") ? "unix:///fake.sock" : "id-" + ids.incrementAndGet();
          }
          if (r == int.class) {
            return 0;
          }
          if (r == boolean.class) {
            return false;
          }
          if (r == Optional.class) {
            return Optional.empty();
          }
          if (r == List.class) {
            return List.of();
          }
          return null;
        });
  }
}
