package io.slipway.stdlib.docker;

import io.slipway.pipeline.StageContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which networks a stage's agent container joins: every network created in that stage attempt,
 * and the pipeline-level ones (created outside any stage), so that {@code sh("wget
 * http://cache:6379/")} in the agent reaches {@code service("cache", network = net)} by name, as
 * a GitHub Actions job reaches its service containers. An agent joins the networks that exist
 * when it starts; a network created later joins the agents already running.
 *
 * <p>Each pairing is handed out exactly once: both sides register under one lock, so an agent
 * and a network created at the same moment see each other from exactly one side.
 */
final class AgentNetworks {
  private record Net(String id, StageContext stage) {}

  private final List<Net> networks = new ArrayList<>();
  private final Map<StageContext, List<String>> agents = new IdentityHashMap<>();

  /** Registers a stage's new agent; returns the networks it must join. */
  synchronized List<String> agentCreated(StageContext stage, String agentId) {
    agents.computeIfAbsent(stage, s -> new ArrayList<>()).add(agentId);
    return networks.stream().filter(n -> n.stage() == null || n.stage() == stage).map(Net::id).toList();
  }

  /** Forgets a stage's agents (the stage attempt ended). */
  synchronized void stageEnded(StageContext stage) {
    agents.remove(stage);
  }

  /**
   * Registers a network created in {@code stage} (null outside any stage); returns the running
   * agents that must join it.
   */
  synchronized List<String> networkCreated(String networkId, StageContext stage) {
    networks.add(new Net(networkId, stage));
    List<String> join = new ArrayList<>();
    agents.forEach((s, ids) -> {
      if (stage == null || s == stage) {
        join.addAll(ids);
      }
    });
    return join;
  }

  synchronized void networkRemoved(String networkId) {
    networks.removeIf(n -> n.id().equals(networkId));
  }
}
