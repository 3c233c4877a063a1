package io.slipway.engine;

/**
 * Wraps the connection to an engine that a pipeline names ({@code docker(host, tls)}) once it is
 * made, when the session's scope provides one: the REPL's {@code :explain} explains what a run
 * does on such an engine as {@code docker -H HOST --tlsverify ...} commands this way.
 */
@FunctionalInterface
public interface EngineDecorator {
  /** The engine to use instead of {@code engine}, connected to {@code host} ({@code tls} may be null). */
  ContainerEngine decorate(ContainerEngine engine, String host, TlsFiles tls);
}
