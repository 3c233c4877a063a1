package io.slipway.engine;

/** Publishes {@code containerPort} on {@code hostPort} (0 = any free port) of {@code hostIp}. */
public record PortBinding(int hostPort, int containerPort, String protocol, String hostIp) {
  public static PortBinding tcp(int hostPort, int containerPort) {
    return new PortBinding(hostPort, containerPort, "tcp", "");
  }
}
