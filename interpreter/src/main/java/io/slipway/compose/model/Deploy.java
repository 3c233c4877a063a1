package io.slipway.compose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy}, complete, for Swarm deploys ({@code up} uses {@code replicas}, the resources and
 * the restart policy, as docker-compose does). Absent parts are null.
 */
public record Deploy(String mode, Integer replicas, String endpointMode, Map<String, String> labels,
    Resources resources, RestartPolicy restartPolicy, UpdateConfig updateConfig,
    UpdateConfig rollbackConfig, Placement placement) {
  public Deploy {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }

  /** {@code true} for {@code mode: global} (one task per node). */
  public boolean global() {
    return "global".equals(mode);
  }

  /** {@code resources}: limits and reservations (either may be null). */
  public record Resources(Limits limits, Limits reservations) {}

  /** CPUs (fractional), memory in bytes, maximum pids; null when not set. */
  public record Limits(Double cpus, Long memory, Long pids) {}

  /** {@code restart_policy}: condition {@code none}, {@code on-failure} or {@code any}. */
  public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {}

  /** {@code update_config} / {@code rollback_config}. */
  public record UpdateConfig(Integer parallelism, Duration delay, String failureAction, Duration monitor,
      Double maxFailureRatio, String order) {}

  /** {@code placement}: constraints ({@code node.role == manager}), spread preferences, per-node cap. */
  public record Placement(List<String> constraints, List<String> spreadPreferences, Integer maxReplicasPerNode) {
    public Placement {
      constraints = List.copyOf(constraints);
      spreadPreferences = List.copyOf(spreadPreferences);
    }
  }
}
