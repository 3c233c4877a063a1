package io.slipway.netsim;

/**
 * A container a condition applies to, on one network: the engine id, the user's name, its IPv4
 * address on that network and the network's user name.
 */
public record Target(String id, String name, String ip, String network) {
  /** The slot key: one target's interface on one network. */
  String key() {
    return id + "@" + ip;
  }
}
