package io.slipway.pipeline;

/**
 * Threads that run Slipway code (the top level, stage bodies, post blocks). They are platform
 * threads with a large stack reservation rather than virtual threads: a tree-walking interpreter
 * needs a few kilobytes of Java stack per Slipway call, and a virtual thread's stack is capped
 * by {@code -Xss} (1 MB by default, a few hundred nested Slipway calls). The reservation is
 * virtual memory, committed only as deep as a program recurses, and a run has few stages.
 * Helpers that only block (output pumps, deadline timers) stay virtual.
 */
public final class StageThreads {
  /** 10,000 nested Slipway calls (the depth limit) need about 30 MB; this leaves a wide margin. */
  static final long STACK_BYTES = 256L << 20;

  private StageThreads() {}

  /** Starts {@code body} on a new interpreter thread. */
  public static Thread start(String name, Runnable body) {
    Thread t = Thread.ofPlatform().name(name).stackSize(STACK_BYTES).daemon(true).unstarted(body);
    t.start();
    return t;
  }

  /** Runs {@code body} on an interpreter thread and waits for it, passing on what it throws. */
  public static <T> T call(String name, java.util.concurrent.Callable<T> body) {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = start(name, () -> {
      try {
        result[0] = body.call();
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        t.interrupt();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException re) {
      throw re;
    }
    if (failure[0] instanceof Error err) {
      throw err;
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }
}
