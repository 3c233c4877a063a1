package io.slipway.engine;

/**
 * One task of a swarm service: its slot (replicated services), node, the state it is in
 * ({@code new} ... {@code running}, {@code complete}, {@code failed}, {@code rejected},
 * {@code shutdown}), the state the orchestrator wants, the status message and error, the exit
 * code of its container (or null), the image and container labels its spec names.
 */
public record SwarmTask(String id, String serviceId, Integer slot, String node, String state,
    String desiredState, String message, String error, Integer exitCode, String image,
    java.util.Map<String, String> labels, String timestamp) {
  public SwarmTask {
    labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
  }

  /** True for a task that is running and meant to run. */
  public boolean running() {
    return "running".equals(state) && "running".equals(desiredState);
  }

  /** True for a task that ended in error (failed or rejected). */
  public boolean failed() {
    return "failed".equals(state) || "rejected".equals(state);
  }
}
