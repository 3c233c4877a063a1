package io.slipway.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes what each stage waits for. A stage with {@code needs} waits for exactly those. A
 * stage without waits for the previous entry in declaration order (the previous stage, or every
 * stage of the previous {@code parallel}/{@code matrix} group), except that an entry which
 * itself waits for this stage through {@code needs} is passed over in favour of the one before,
 * so that {@code stage("b", needs = listOf("c"))} declared before {@code c} is not a deadlock.
 */
final class StageOrder {
  private StageOrder() {}

  static Map<String, List<String>> dependencies(List<Plan.Stage> stages) {
    List<List<String>> entries = entries(stages);
    Map<String, Integer> entryOf = new HashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      for (String n : entries.get(e)) {
        entryOf.put(n, e);
      }
    }
    Map<String, List<String>> naive = new HashMap<>();
    for (Plan.Stage s : stages) {
      int e = entryOf.get(s.name());
      naive.put(s.name(), !s.needs().isEmpty() ? s.needs()
          : e == 0 ? List.of() : entries.get(e - 1));
    }
    Map<String, List<String>> deps = new HashMap<>();
    for (Plan.Stage s : stages) {
      if (!s.needs().isEmpty()) {
        deps.put(s.name(), s.needs());
        continue;
      }
      List<String> chosen = List.of();
      for (int e = entryOf.get(s.name()) - 1; e >= 0; e--) {
        List<String> candidate = entries.get(e);
        boolean waitsForUs = candidate.stream()
            .anyMatch(c -> reaches(c, s.name(), deps, naive, new HashSet<>()));
        if (!waitsForUs) {
          chosen = candidate;
          break;
        }
      }
      deps.put(s.name(), chosen);
    }
    return deps;
  }

  /** Groups consecutive stages of one group into one entry; other stages are entries alone. */
  private static List<List<String>> entries(List<Plan.Stage> stages) {
    List<List<String>> out = new ArrayList<>();
    String group = null;
    for (Plan.Stage s : stages) {
      if (s.group() != null && s.group().equals(group)) {
        out.get(out.size() - 1).add(s.name());
      } else {
        out.add(new ArrayList<>(List.of(s.name())));
      }
      group = s.group();
    }
    return out;
  }

  private static boolean reaches(String from, String target, Map<String, List<String>> deps,
      Map<String, List<String>> naive, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    List<String> next = deps.containsKey(from) ? deps.get(from)
        : naive.getOrDefault(from, List.of());
    for (String n : next) {
      if (reaches(n, target, deps, naive, seen)) {
        return true;
      }
    }
    return false;
  }
}
