package io.slipway.engine;

/**
 * No container engine answers at the configured address. The message is one line naming the
 * address tried (the CLI prints it and exits with code 3).
 */
public final class EngineUnavailable extends EngineException {
  private final String address;

  public EngineUnavailable(String address, String reason) {
    super("cannot reach the Docker engine at " + address + (reason == null ? "" : ": " + reason));
    this.address = address;
  }

  /** The address that was tried, e.g. {@code unix:///var/run/docker.sock}. */
  public String address() {
    return address;
  }
}
