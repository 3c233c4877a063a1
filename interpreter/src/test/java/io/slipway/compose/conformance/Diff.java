package io.slipway.compose.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Field-by-field differences between two trees of maps, lists and scalars, as readable lines. */
final class Diff {
  private Diff() {}

  static List<String> of(Object reference, Object ours) {
    List<String> out = new ArrayList<>();
    walk("", reference, ours, out);
    return out;
  }

  private static void walk(String path, Object a, Object b, List<String> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      TreeSet<String> keys = new TreeSet<>();
      ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
      mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String k : keys) {
        String p = path + "/" + k;
        if (!ma.containsKey(k)) {
          out.add(p + ": only Slipway has " + show(mb.get(k)));
        } else if (!mb.containsKey(k)) {
          out.add(p + ": only docker-compose has " + show(ma.get(k)));
        } else {
          walk(p, ma.get(k), mb.get(k), out);
        }
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        walk(path + "[" + i + "]", la.get(i), lb.get(i), out);
      }
    } else if (!Objects.equals(a, b)) {
      out.add(path + ": docker-compose " + show(a) + ", Slipway " + show(b));
    }
  }

  private static String show(Object o) {
    String s = o instanceof String ? "\"" + o + "\"" : String.valueOf(o);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
