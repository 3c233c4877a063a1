package io.slipway.compose.up;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent engine requests at once (each waits mostly on the engine), on platform threads like
 * {@link Graph}'s (virtual threads doing socket I/O would start the JDK's pollers and delay the
 * JVM's exit); used by compose's lifecycle and by swarm stack deploys. The first failure, in the order given, is rethrown once all are done; an
 * interruption cancels the rest.
 */
public final class Parallel {
  private Parallel() {}

  /** Runs {@code tasks} concurrently (the caller's thread runs a lone one itself). */
  public static void run(List<Runnable> tasks) throws InterruptedException {
    map(tasks, t -> {
      t.run();
      return null;
    });
  }

  /** {@code fn} of each item, concurrently, in the items' order. */
  public static <T, R> List<R> map(List<T> items, Function<T, R> fn) throws InterruptedException {
    if (items.size() == 1) {
      return java.util.Collections.singletonList(fn.apply(items.get(0)));
    }
    ExecutorService pool = Executors.newThreadPerTaskExecutor(
        Thread.ofPlatform().daemon().name("slipway-compose-io-", 0).factory());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> fn.apply(item)));
      }
      List<R> out = new ArrayList<>();
      RuntimeException first = null;
      for (Future<R> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          out.add(null);
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new ComposeException(String.valueOf(e.getCause()));
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
