package io.slipway.engine;

import java.util.function.Supplier;

/**
 * An engine other than the session's default one, as {@code docker(host, tls)} describes it:
 * the {@code key} its connection is kept under in the session (one connection per key), the
 * {@code address} shown in messages, and how to connect. An {@code on(engine) { }} block provides
 * it as a service of the block's cleanup scope; Docker builtins resolve the engine of each call
 * from the innermost scope, falling back to the default engine when no block encloses the call.
 * Containers, networks and volumes remember the target they were created on, so that their
 * methods reach the same engine after the block ended.
 *
 * <p>{@code tls} names the PEM files of a mutual-TLS connection (null without TLS): the run's
 * journal records them, with the address, so that {@code slipway gc} can reach the engine after a
 * killed run.
 *
 * <p>The workspace is never bind-mounted into an agent on a target: it is copied in, because a
 * named engine's file system is not known to be this machine's.
 */
public record EngineTarget(String key, String address, TlsFiles tls, Supplier<ContainerEngine> connect) {
  /** A target reached without TLS (or whose TLS files are not known). */
  public EngineTarget(String key, String address, Supplier<ContainerEngine> connect) {
    this(key, address, null, connect);
  }

  /** Two targets are the same engine when their keys are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof EngineTarget t && t.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "Engine(" + address + ")";
  }
}
