package io.slipway.compose.swarm;

import io.slipway.engine.NetworkSpec;
import io.slipway.engine.SwarmServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * A compose project as a Swarm stack: the overlay networks to create (by full name), the
 * external networks that must exist, the service specs by compose service name, and the compose
 * settings Swarm ignores (one warning each, as {@code docker stack deploy} prints them).
 */
public record StackSpec(String name, Map<String, NetworkSpec> networks, List<String> externalNetworks,
    Map<String, SwarmServiceSpec> services, List<String> warnings) {
  /** The label {@code docker stack} groups a stack's objects by. */
  public static final String NAMESPACE = "com.docker.stack.namespace";
  /** The label {@code docker stack deploy} records a service's image in. */
  public static final String IMAGE = "com.docker.stack.image";
  /** The hash of a service's whole spec: a deploy updates the service only when it differs. */
  public static final String SPEC_HASH = "io.slipway.stack.spec-hash";
  /** The hash of a service's task template, on its containers: which tasks run the new spec. */
  public static final String TASK_HASH = "io.slipway.stack.task-hash";

  public StackSpec {
    networks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(networks));
    externalNetworks = List.copyOf(externalNetworks);
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    warnings = List.copyOf(warnings);
  }
}
