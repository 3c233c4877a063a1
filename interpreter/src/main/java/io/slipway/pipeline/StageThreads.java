package io.slipway.pipeline;

import io.slipway.stack.DeepStack;
import java.util.concurrent.Callable;

/**
 * Threads that run Slipway code (the top level, stage bodies, post blocks). They are platform
 * threads with a large stack reservation ({@link DeepStack}) rather than virtual threads: a
 * tree-walking interpreter needs a few kilobytes of Java stack per Slipway call, and a virtual
 * thread's stack is capped by {@code -Xss} (1 MB by default, a few hundred nested Slipway
 * calls). A run has few stages. Helpers that only block (output pumps, deadline timers) stay
 * virtual.
 */
public final class StageThreads {
  private StageThreads() {}

  /** Starts {@code body} on a new interpreter thread. */
  public static Thread start(String name, Runnable body) {
    Thread t = DeepStack.unstarted(name, body);
    t.start();
    return t;
  }

  /**
   * Runs {@code body} on an interpreter thread (this one, if it is one) and waits for it,
   * passing on what it throws; a checked exception comes wrapped in an IllegalStateException.
   */
  public static <T> T call(String name, Callable<T> body) {
    return DeepStack.call(name, () -> {
      try {
        return body.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
