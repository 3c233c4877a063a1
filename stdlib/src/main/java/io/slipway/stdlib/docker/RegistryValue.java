package io.slipway.stdlib.docker;

import io.slipway.value.SecretValue;
import io.slipway.value.SlipObject;

/** A {@code Registry}: host and optional credentials (the password stays a secret). */
record RegistryValue(String host, String username, SecretValue password) implements SlipObject {
  @Override
  public String typeName() {
    return "Registry";
  }

  @Override
  public String label() {
    return host;
  }

  @Override
  public String toString() {
    return "Registry(" + host + ")";
  }
}
