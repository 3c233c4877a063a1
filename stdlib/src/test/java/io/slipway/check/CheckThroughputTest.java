package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import org.junit.jupiter.api.Test;

/**
 * Parse + check of a generated 20,000-line pipeline stays linear and fast (goal: 50,000 lines/s
 * warm). The assertion is loose because tests share two cores with other builds; the measured
 * figure is printed, and {@code bench/} records the real one.
 */
class CheckThroughputTest {

  static String generate(int targetLines) {
    var sb = new StringBuilder();
    sb.append("param registry = \"localhost:5000\"\nparam replicas: Int = 2\n\n");
    sb.append("data class Target(val host: String, val port: Int = 2376)\n\n");
    int lines = 5;
    int fn = 0;
    while (lines < targetLines / 3) {
      sb.append("fun helper").append(fn).append("(name: String, n: Int = 1): String {\n")
          .append("    val parts = listOf(name, \"x\", \"y\").map { it.trim() }.filter { it.isNotEmpty() }\n")
          .append("    val t = Target(\"h").append(fn).append("\", port = n + 1)\n")
          .append("    if (n > 2) { return \"$registry/${t.host}:${t.port}\" }\n")
          .append("    return parts.joinToString(\",\") + n\n")
          .append("}\n");
      lines += 6;
      fn++;
    }
    sb.append("pipeline(\"big\") {\n");
    lines++;
    int stage = 0;
    while (lines < targetLines - 1) {
      sb.append("    stage(\"s").append(stage).append("\"").append(stage > 0 ? ", needs = listOf(\"s" + (stage - 1) + "\")" : "")
          .append(") {\n")
          .append("        val out = sh(\"echo ").append(stage).append("\", quiet = true).stdout.trim()\n")
          .append("        val m = mapOf(\"a\" to ").append(stage).append(", \"b\" to params.replicas)\n")
          .append("        for ((k, v) in m) { echo(\"$k=$v ${helper").append(stage % Math.max(1, fn)).append("(out)}\") }\n")
          .append("        timeout(30.seconds) { retry(2) { sh(\"make\") } }\n")
          .append("    }\n");
      lines += 6;
      stage++;
    }
    sb.append("}\n");
    return sb.toString();
  }

  @Test
  void twentyThousandLinesCheckFast() {
    BuiltinRegistry registry = Stdlib.registry();
    String src = generate(20_000);
    int lines = (int) src.lines().count();
    // thread CPU time: the build machine is shared, wall time mostly measures the neighbours
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    double bestCheck = Double.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      ParseResult parsed = SlipParser.parse(SourceFile.of("Big.slip", src));
      long t1 = threads.getCurrentThreadCpuTime();
      var out = new Diagnostics();
      out.addAll(parsed.diagnostics());
      new Checker(registry).check(parsed.program(), ModuleLoader.none(), out, true);
      long t2 = threads.getCurrentThreadCpuTime();
      double secs = (t2 - t0) / 1e9;
      bestCheck = Math.min(bestCheck, (t2 - t1) / 1e9);
      best = Math.min(best, secs);
      assertThat(out.list()).as(() -> new DiagnosticRenderer(false).render(out.sorted())).isEmpty();
    }
    double rate = lines / best;
    System.out.printf("[check throughput] %d lines: parse + check best %.3f s CPU (%.0f lines/s), check alone %.3f s (%.0f lines/s)%n",
        lines, best, rate, bestCheck, lines / bestCheck);
    assertThat(rate).isGreaterThan(20_000);
  }
}
