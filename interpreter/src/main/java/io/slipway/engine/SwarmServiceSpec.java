package io.slipway.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Docker Swarm service as Slipway asks for it (what {@code docker stack deploy} makes of one
 * compose service): the task's container, the service's mode, networks, published ports,
 * resources, restart, update and rollback policies and placement. Absent parts are null (or
 * empty); the engine's defaults apply to them.
 *
 * @param labels the service's labels ({@code deploy.labels} plus the stack's)
 * @param containerLabels the labels of the task containers ({@code labels})
 * @param replicas for a replicated service; null means 1
 */
public record SwarmServiceSpec(String name, String image, List<String> entrypoint,
    List<String> command, Map<String, String> env, Map<String, String> labels,
    Map<String, String> containerLabels, boolean global, Integer replicas, List<Attachment> networks,
    List<Published> ports, Resources resources, Restart restart, Update update, Update rollback,
    Placement placement, HealthSpec healthcheck, Duration stopGracePeriod, String workdir,
    String user, String hostname, Boolean init, List<Mount> mounts) {
  public SwarmServiceSpec {
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    command = command == null ? null : List.copyOf(command);
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
    containerLabels = Map.copyOf(containerLabels);
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
    mounts = List.copyOf(mounts);
  }

  /** A copy with other service and task-container labels. */
  public SwarmServiceSpec withLabels(Map<String, String> labels, Map<String, String> containerLabels) {
    return new SwarmServiceSpec(name, image, entrypoint, command, env, labels, containerLabels, global, replicas,
        networks, ports, resources, restart, update, rollback, placement, healthcheck, stopGracePeriod, workdir, user,
        hostname, init, mounts);
  }

  /**
   * What defines the service's tasks (what makes Swarm replace them): this spec without its
   * service labels, mode, replicas, published ports and update and rollback policies.
   */
  public SwarmServiceSpec taskTemplate() {
    return new SwarmServiceSpec(name, image, entrypoint, command, env, Map.of(), containerLabels, false, null,
        networks, List.of(), resources, restart, null, null, placement, healthcheck, stopGracePeriod, workdir, user,
        hostname, init, mounts);
  }

  /** A network the service joins, under extra DNS {@code aliases}. */
  public record Attachment(String network, List<String> aliases) {
    public Attachment {
      aliases = List.copyOf(aliases);
    }
  }

  /** A published port: {@code mode} {@code ingress} (routing mesh) or {@code host}. */
  public record Published(int target, Integer published, String protocol, String mode) {}

  /** CPU (fractional) and memory (bytes) limits and reservations; null when not set. */
  public record Resources(Double cpuLimit, Long memoryLimit, Double cpuReservation,
      Long memoryReservation) {}

  /** {@code restart_policy}: condition {@code none}, {@code on-failure} or {@code any}. */
  public record Restart(String condition, Duration delay, Integer maxAttempts, Duration window) {}

  /** {@code update_config} / {@code rollback_config}. */
  public record Update(Integer parallelism, Duration delay, String failureAction, Duration monitor,
      Double maxFailureRatio, String order) {}

  /** {@code placement}: constraints, spread preferences, maximum replicas per node. */
  public record Placement(List<String> constraints, List<String> spreadPreferences,
      Integer maxReplicasPerNode) {
    public Placement {
      constraints = List.copyOf(constraints);
      spreadPreferences = List.copyOf(spreadPreferences);
    }
  }
}
