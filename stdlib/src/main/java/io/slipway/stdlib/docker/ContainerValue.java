package io.slipway.stdlib.docker;

import io.slipway.engine.EngineTarget;
import io.slipway.value.SlipObject;

/**
 * A {@code Container}: a handle on one engine container (by {@code id}). {@code name} is the
 * user's name (its DNS alias), {@code engineName} the run-scoped name the engine knows (both
 * change with {@code rename}), {@code network} the network it was started on (or null),
 * {@code engine} the engine it runs on (null: the default one), which its methods talk to.
 */
final class ContainerValue implements SlipObject {
  private final String id;
  private volatile String name;
  private volatile String engineName;
  private final String image;
  private final String network;
  private final EngineTarget engine;

  ContainerValue(String id, String name, String engineName, String image, String network,
      EngineTarget engine) {
    this.id = id;
    this.name = name;
    this.engineName = engineName;
    this.image = image;
    this.network = network;
    this.engine = engine;
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  String engineName() {
    return engineName;
  }

  String image() {
    return image;
  }

  String network() {
    return network;
  }

  /** The engine the container runs on; null for the default one. */
  EngineTarget engine() {
    return engine;
  }

  /** After {@code rename}: every holder of this value sees the new names. */
  void renamed(String newName, String newEngineName) {
    this.name = newName;
    this.engineName = newEngineName;
  }

  @Override
  public String typeName() {
    return "Container";
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContainerValue c && c.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Container(" + name + ")";
  }
}
