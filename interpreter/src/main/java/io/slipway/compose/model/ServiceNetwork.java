package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;
import java.util.List;

/** A network a service joins ({@code name} is its key in the file) and its options there. */
public record ServiceNetwork(String name, List<String> aliases, String ipv4Address, String ipv6Address,
    int priority, Pos pos) {
  public ServiceNetwork {
    aliases = List.copyOf(aliases);
  }
}
