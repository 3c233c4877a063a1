package io.slipway.engine;

import java.io.OutputStream;

/** A live attachment to a container's main process ({@link ContainerEngine#attach}). */
public interface Attachment extends AutoCloseable {
  /** The process's standard input; flush after each write. */
  OutputStream stdin();

  /** Detaches; the process keeps running. */
  @Override
  void close();
}
