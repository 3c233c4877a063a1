package io.slipway.stdlib.docker;

import io.slipway.engine.EngineTarget;
import io.slipway.value.SlipObject;

/** An {@code Engine}: a Docker engine other than the default one, and how to reach it. */
record EngineValue(EngineTarget target, String host, TlsValue tls) implements SlipObject {
  @Override
  public String typeName() {
    return "Engine";
  }

  @Override
  public String label() {
    return host;
  }

  @Override
  public String toString() {
    return "Engine(" + host + ")";
  }
}
