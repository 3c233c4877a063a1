package io.slipway.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in the interpreter module (the guide's rule): a package depends on another
 * when one of its sources names a type of it, by import or fully qualified. A cycle is reported
 * as the chain of packages with, for each edge, a source file that makes it.
 */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.slipway(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void theInterpreterModuleHasNoPackageCycle() throws IOException {
    Map<String, Map<String, String>> graph = graph(Path.of("src/main/java"));
    assertThat(graph).as("sources found").containsKeys("io.slipway.interp", "io.slipway.pipeline");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void aCycleIsFoundAndExplained() {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    graph.put("a", Map.of("b", "A.java"));
    graph.put("b", Map.of("c", "B.java"));
    graph.put("c", Map.of("a", "C.java"));
    graph.put("d", Map.of("a", "D.java"));
    assertThat(cycles(graph)).containsExactly("a -> b (A.java) -> c (B.java) -> a (C.java)");
  }

  /** Package -> (package it uses -> one source file that uses it). */
  static Map<String, Map<String, String>> graph(Path root) throws IOException {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = COMMENTS.matcher(Files.readString(f)).replaceAll("");
        Matcher pm = PACKAGE.matcher(text);
        if (!pm.find()) {
          continue;
        }
        String pkg = pm.group(1);
        Map<String, String> uses = graph.computeIfAbsent(pkg, k -> new TreeMap<>());
        Matcher rm = REFERENCE.matcher(text);
        while (rm.find()) {
          if (!rm.group(1).equals(pkg)) {
            uses.putIfAbsent(rm.group(1), root.relativize(f).toString());
          }
        }
      }
    }
    return graph;
  }

  /** One line per cycle found by a depth-first search from each package, shortest first. */
  static List<String> cycles(Map<String, Map<String, String>> graph) {
    Set<String> found = new TreeSet<>();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      path.add(start);
      search(graph, start, path, found);
    }
    return new ArrayList<>(found);
  }

  private static void search(Map<String, Map<String, String>> graph, String start,
      List<String> path, Set<String> found) {
    String last = path.get(path.size() - 1);
    for (String next : graph.getOrDefault(last, Map.of()).keySet()) {
      if (next.equals(start)) {
        // report each cycle once: from its smallest package
        if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
          var sb = new StringBuilder(start);
          for (int i = 1; i <= path.size(); i++) {
            String to = i == path.size() ? start : path.get(i);
            sb.append(" -> ").append(to).append(" (")
                .append(graph.get(path.get(i - 1)).get(to)).append(")");
          }
          found.add(sb.toString());
        }
      } else if (graph.containsKey(next) && !path.contains(next) && path.size() < 12) {
        path.add(next);
        search(graph, start, path, found);
        path.remove(path.size() - 1);
      }
    }
  }
}
