package io.slipway.cli.bench;

import io.slipway.api.CheckResult;
import io.slipway.api.Slipway;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A JMH-free harness for {@code bench/check-throughput.sh}: checks one file repeatedly in this
 * JVM (warm-up iterations first, so the JIT has compiled the parser and checker) and prints
 * lines per second for each timed iteration and their median.
 */
public final class CheckBench {
  private CheckBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long lines = Files.readAllLines(file).size();
    Slipway slipway = new Slipway(Stdlib.registry());
    int diagnostics = 0;
    for (int i = 0; i < warmup; i++) {
      diagnostics = slipway.check(file).diagnostics().size();
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      CheckResult r = slipway.check(file);
      long ns = System.nanoTime() - start;
      diagnostics = r.diagnostics().size();
      double rate = lines / (ns / 1e9);
      rates.add(rate);
      System.out.printf(Locale.ROOT, "iteration %d: %.1f ms, %.0f lines/s%n", i + 1, ns / 1e6, rate);
    }
    Collections.sort(rates);
    double median = rates.size() % 2 == 1 ? rates.get(rates.size() / 2)
        : (rates.get(rates.size() / 2 - 1) + rates.get(rates.size() / 2)) / 2;
    System.out.printf(Locale.ROOT, "file: %s, %d lines, %d diagnostics%n", file, lines, diagnostics);
    System.out.printf(Locale.ROOT, "median: %d lines in %.1f ms = %.0f lines/s%n", lines,
        lines / median * 1000, median);
  }
}
