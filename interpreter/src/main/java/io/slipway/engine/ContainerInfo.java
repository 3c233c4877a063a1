package io.slipway.engine;

import java.util.Map;

/**
 * A container as the engine reports it. {@code name} has no leading slash; {@code networks} maps
 * each network name to the container's IP address on it; {@code ports} maps
 * {@code "8080/tcp"} to the published host port.
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels,
    ContainerState state, Map<String, String> networks, Map<String, Integer> ports) {
  public ContainerInfo {
    labels = Map.copyOf(labels);
    networks = Map.copyOf(networks);
    ports = Map.copyOf(ports);
  }
}
