package io.slipway.engine;

/**
 * Connects to an engine that a pipeline names ({@code docker(host, tls)}). The standard library
 * uses the docker-java connector unless the session's scope provides another one (tests provide
 * in-memory engines this way).
 */
@FunctionalInterface
public interface EngineConnector {
  /** Connects to {@code host} ({@code tcp://...}, {@code unix://...}); {@code tls} may be null. */
  ContainerEngine connect(String host, TlsFiles tls);
}
