package io.slipway.engine;

/**
 * Credentials for one registry host ({@code localhost:5000}). The password is the revealed
 * secret; never print this record ({@link #toString()} masks it).
 */
public record RegistryAuth(String registry, String username, String password) {
  @Override
  public String toString() {
    return "RegistryAuth[" + registry + ", " + username + ", ****]";
  }
}
