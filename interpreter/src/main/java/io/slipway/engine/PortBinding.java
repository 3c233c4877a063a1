package io.slipway.engine;

/**
 * Publishes {@code containerPort} on {@code hostPort} (0 = any free port) of {@code hostIp}; with
 * {@code hostPortEnd} above {@code hostPort}, on a free port of that range.
 */
public record PortBinding(int hostPort, int containerPort, String protocol, String hostIp, int hostPortEnd) {
  public PortBinding(int hostPort, int containerPort, String protocol, String hostIp) {
    this(hostPort, containerPort, protocol, hostIp, 0);
  }

  public static PortBinding tcp(int hostPort, int containerPort) {
    return new PortBinding(hostPort, containerPort, "tcp", "");
  }
}
