package io.slipway.engine;

import java.io.OutputStream;

/** A live attachment to a container's main process ({@link ContainerEngine#attach}). */
public interface Attachment extends AutoCloseable {
  /** The process's standard input; flush after each write. */
  OutputStream stdin();

  /**
   * Runs {@code action} once the attached stream has ended: the process exited, the container
   * died, or the connection broke (at once if it already has). This is how a caller waiting for
   * the process's output learns that none will come. Engines that cannot tell never run it.
   */
  default void onEnd(Runnable action) {}

  /** Detaches; the process keeps running. */
  @Override
  void close();
}
