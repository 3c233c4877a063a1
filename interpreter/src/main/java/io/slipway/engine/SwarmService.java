package io.slipway.engine;

import java.util.Map;

/**
 * A service as the swarm reports it: its id, name, the version an update must name, its labels,
 * the replicas it asks for ({@code null} for a global service) and the state of its last update
 * ({@code updating}, {@code completed}, {@code paused}, {@code rollback_completed}..., or null
 * when it was never updated).
 */
public record SwarmService(String id, String name, long version, Map<String, String> labels,
    Integer replicas, String updateState, String updateMessage) {
  public SwarmService {
    labels = Map.copyOf(labels);
  }
}
