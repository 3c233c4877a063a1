package io.slipway.stack;

import java.util.function.Supplier;

/**
 * Runs recursive work — parsing, checking, interpreting, printing trees — on platform threads
 * with a large stack reservation, so that how deep a file may nest does not depend on the
 * caller's thread: {@code main} gets the JVM's default stack (1 MB on most platforms, but
 * whatever {@code -Xss} or the launcher says), and a cold JVM runs interpreted frames several
 * times larger than compiled ones. The nesting limits of {@code SlipParser} are sized against
 * this reservation, not against the default. The reservation is virtual memory, committed only
 * as deep as the work recurses.
 */
public final class DeepStack {
  /** 10,000 nested Slipway calls (the interpreter's limit) need about 30 MB: a wide margin. */
  public static final long STACK_BYTES = 256L << 20;

  private static final ThreadLocal<Boolean> DEEP = ThreadLocal.withInitial(() -> false);

  private DeepStack() {}

  /** True on a thread started here (its work may recurse as deep as the limits allow). */
  public static boolean current() {
    return DEEP.get();
  }

  /** An unstarted daemon thread with the large stack, running {@code body}. */
  public static Thread unstarted(String name, Runnable body) {
    return Thread.ofPlatform().name(name).stackSize(STACK_BYTES).daemon(true).unstarted(() -> {
      DEEP.set(true);
      body.run();
    });
  }

  /**
   * Runs {@code body} with the large stack and returns its result, passing on what it throws:
   * in place when the current thread already has it, else on a new thread this one waits for
   * (an interrupt while waiting is passed on to that thread and restored here afterwards).
   */
  public static <T> T call(String name, Supplier<T> body) {
    if (current()) {
      return body.get();
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = unstarted(name, () -> {
      try {
        result[0] = body.get();
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    t.start();
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
