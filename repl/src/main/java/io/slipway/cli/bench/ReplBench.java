package io.slipway.cli.bench;

import io.slipway.repl.ReplConfig;
import io.slipway.repl.ReplRequest;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jdk.jshell.JShell;

/**
 * The in-JVM half of {@code bench/repl.sh}: the time a {@link ReplSession} takes to evaluate a
 * simple expression and to {@code :reload} a file, warm (after warm-up rounds, as a person's
 * session is after its first inputs), side by side with jshell evaluating the same expression
 * through its API ({@code JShell} with the in-process execution engine, so no second JVM is
 * measured). Prints the median and the 90th percentile of each.
 *
 * <p>Usage: {@code ReplBench FILE [WARMUP] [ITERATIONS]}.
 */
public final class ReplBench {
  private ReplBench() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]).toAbsolutePath();
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    ReplSession session = new ReplSession(ReplConfig.of(Stdlib.registry()));
    try {
      report("slipway eval `1 + 2`", warmup, iterations, () -> {
        ReplResponse r = session.handle(new ReplRequest.Eval("1 + 2"));
        return r instanceof ReplResponse.Value v && v.text().strip().equals("3") ? null : r.text();
      });
      ReplResponse loaded = session.handle(new ReplRequest.Load(file));
      if (loaded instanceof ReplResponse.Failure || loaded instanceof ReplResponse.Diagnostics) {
        throw new IllegalStateException("cannot load " + file + ": " + loaded.text());
      }
      int reloads = Math.max(10, iterations / 10);
      report(":reload of " + file.getFileName() + " (" + lines(file) + " lines)", Math.max(5, warmup / 20), reloads,
          () -> {
            ReplResponse r = session.handle(new ReplRequest.Reload());
            return r.text().startsWith("reloaded") ? null : r.text();
          });
      // where a reload's time goes: the same file checked alone, then planned alone
      var slipway = new io.slipway.api.Slipway(Stdlib.registry());
      report("  of which check (parse + check) of " + file.getFileName(), Math.max(5, warmup / 20), reloads,
          () -> slipway.check(file).ok() ? null : "check failed");
      var checked = slipway.check(file);
      report("  of which plan of " + file.getFileName(), Math.max(5, warmup / 20), reloads,
          () -> slipway.plan(checked, java.util.Map.of()).ok() ? null : "plan failed");
    } finally {
      session.close();
    }
    try (JShell jshell = JShell.builder().executionEngine("local").build()) {
      report("jshell eval `1 + 2` (JShell API, local engine)", warmup, iterations, () -> {
        var events = jshell.eval("1 + 2");
        return !events.isEmpty() && "3".equals(events.get(0).value()) ? null : events.toString();
      });
    }
  }

  /** Runs {@code body} (null: ok, else what went wrong) and prints median and p90 in ms. */
  private static void report(String what, int warmup, int iterations, Supplier<String> body) {
    for (int i = 0; i < warmup; i++) {
      check(body.get(), what);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      String wrong = body.get();
      ms.add((System.nanoTime() - start) / 1e6);
      check(wrong, what);
    }
    Collections.sort(ms);
    double median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2)
        : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
    double p90 = ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.9) - 1));
    System.out.printf(Locale.ROOT, "%s: median %.3f ms, p90 %.3f ms (%d timed after %d warm-up)%n", what, median,
        p90, iterations, warmup);
  }

  private static void check(String wrong, String what) {
    if (wrong != null) {
      throw new IllegalStateException(what + " answered: " + wrong);
    }
  }

  private static long lines(Path file) {
    try {
      return java.nio.file.Files.readAllLines(file).size();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
