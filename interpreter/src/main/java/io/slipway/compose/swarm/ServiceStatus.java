package io.slipway.compose.swarm;

import io.slipway.engine.SwarmTask;
import java.util.List;

/**
 * A deployed service of a stack, as {@code swarmServices} shows it: its compose name and full
 * name, image, mode ({@code replicated} or {@code global}), the replicas it asks for (null when
 * global), how many tasks are running, the state of its last update, and its tasks (current
 * and past, newest first).
 */
public record ServiceStatus(String service, String name, String image, String mode, Integer replicas,
    int running, String updateState, List<SwarmTask> tasks) {
  public ServiceStatus {
    tasks = List.copyOf(tasks);
  }
}
