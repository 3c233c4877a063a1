package io.slipway.stdlib.docker;

import io.slipway.engine.ImageRef;
import io.slipway.engine.RegistryAuth;
import io.slipway.run.Run;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials of every {@code registry(...)} a run declared, by registry host, so that
 * {@code push}, {@code pull} and {@code promote} authenticate without repeating them. Kept apart
 * from the engine session because declaring a registry does not need Docker.
 */
final class RegistryAuths {
  private final Map<String, RegistryAuth> byHost = new ConcurrentHashMap<>();

  static RegistryAuths of(Run run) {
    return run.service(RegistryAuths.class, RegistryAuths::new);
  }

  void add(RegistryAuth auth) {
    byHost.put(auth.registry(), auth);
  }

  /** Credentials for the registry {@code ref} points at, or null. */
  RegistryAuth forRef(String ref) {
    return byHost.get(ImageRef.parse(ref).registry());
  }

  RegistryAuth forHost(String host) {
    return byHost.get(host);
  }
}
