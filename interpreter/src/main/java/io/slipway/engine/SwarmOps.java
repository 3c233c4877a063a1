package io.slipway.engine;

import java.util.List;
import java.util.Map;

/**
 * The Docker Swarm services of an engine that is a swarm manager ({@link ContainerEngine#swarm()}).
 * Failures are {@link EngineException}s, as for the rest of the engine.
 */
public interface SwarmOps {
  /**
   * The engine's swarm membership: {@code active} (with {@code manager} true when it can manage
   * services), {@code inactive}, {@code pending}, {@code error} or {@code locked}.
   */
  record Membership(String state, boolean manager, int nodes) {}

  Membership membership();

  /** Creates a service; returns its id. */
  String createService(SwarmServiceSpec spec);

  /** Replaces the spec of the service {@code id} at {@code version} (optimistic locking). */
  void updateService(String id, long version, SwarmServiceSpec spec);

  /** Removes a service; a missing one is not an error. */
  void removeService(String idOrName);

  /** Services carrying every given label. */
  List<SwarmService> listServices(Map<String, String> labels);

  /** The tasks of a service, every state, newest first not guaranteed. */
  List<SwarmTask> listTasks(String serviceId);
}
