package io.slipway.compose.up;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one task per node of a dependency graph, each as soon as the nodes it depends on are done,
 * independent ones concurrently (on platform threads: virtual ones doing socket I/O would start
 * the JDK's pollers and delay the JVM's exit). A failed node fails its dependents without running
 * them; the others go on. If the caller is interrupted, every task is interrupted and the
 * interruption propagates.
 */
final class Graph {
  /** The work for one node. */
  @FunctionalInterface
  interface Task {
    void run(String node) throws Exception;
  }

  private Graph() {}

  /**
   * @param nodes the nodes, each with the nodes it waits for (unknown ones are ignored)
   * @return the failures by node, in the order given; empty when everything succeeded
   */
  static Map<String, Throwable> run(Map<String, List<String>> nodes, Task task) throws InterruptedException {
    Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
    ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("slipway-compose-", 0).factory());
    try {
      for (String node : nodes.keySet()) {
        schedule(node, nodes, task, futures, pool);
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
      try {
        all.get();
      } catch (ExecutionException e) {
        // collected below, per node
      }
      Map<String, Throwable> failures = new LinkedHashMap<>();
      futures.forEach((n, f) -> {
        if (f.isCompletedExceptionally()) {
          try {
            f.join();
          } catch (java.util.concurrent.CompletionException e) {
            failures.put(n, e.getCause() == null ? e : e.getCause());
          } catch (java.util.concurrent.CancellationException e) {
            failures.put(n, e);
          }
        }
      });
      return failures;
    } catch (InterruptedException e) {
      pool.shutdownNow();
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private static CompletableFuture<Void> schedule(String node, Map<String, List<String>> nodes, Task task,
      Map<String, CompletableFuture<Void>> futures, ExecutorService pool) {
    CompletableFuture<Void> f = futures.get(node);
    if (f != null) {
      return f;
    }
    List<CompletableFuture<Void>> deps = new ArrayList<>();
    for (String d : nodes.get(node)) {
      if (nodes.containsKey(d) && !d.equals(node)) {
        deps.add(schedule(d, nodes, task, futures, pool));
      }
    }
    List<String> depNames = nodes.get(node).stream().filter(nodes::containsKey).toList();
    f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).handle((v, err) -> {
      if (err != null) {
        int i = 0;
        for (CompletableFuture<Void> d : deps) {
          if (d.isCompletedExceptionally()) {
            throw new java.util.concurrent.CompletionException(new Skipped(depNames.get(i)));
          }
          i++;
        }
        throw new java.util.concurrent.CompletionException(err);
      }
      return v;
    }).thenApplyAsync(v -> {
      try {
        task.run(node);
        return null;
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, pool);
    futures.put(node, f);
    return f;
  }

  /** A node not run because a node it waits for failed. */
  static final class Skipped extends RuntimeException {
    final String because;

    Skipped(String because) {
      super("not started: `" + because + "` failed", null, false, false);
      this.because = because;
    }
  }
}
