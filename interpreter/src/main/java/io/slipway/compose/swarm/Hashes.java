package io.slipway.compose.swarm;

import io.slipway.compose.hash.CanonicalHash;
import io.slipway.engine.SwarmServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two hashes a deployed service carries: of its task template (image, command, environment,
 * container labels, networks, mounts, resources, restart policy, placement, health check ...:
 * what makes Swarm replace its tasks) and of its whole spec (also replicas, ports, update and
 * rollback policies and service labels); see {@link CanonicalHash}.
 */
final class Hashes {
  /** Hex digits kept of each hash (128 bits). */
  private static final int BYTES = 16;

  private Hashes() {}

  /** {@code spec} with its task hash among its container labels and its spec hash among its labels. */
  static SwarmServiceSpec stamp(SwarmServiceSpec s) {
    Map<String, String> containerLabels = new LinkedHashMap<>(s.containerLabels());
    containerLabels.put(StackSpec.TASK_HASH, CanonicalHash.hex(BYTES, s.taskTemplate()));
    SwarmServiceSpec withTask = s.withLabels(s.labels(), containerLabels);
    Map<String, String> labels = new LinkedHashMap<>(s.labels());
    labels.put(StackSpec.SPEC_HASH, CanonicalHash.hex(BYTES, withTask));
    return withTask.withLabels(labels, containerLabels);
  }
}
