package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading canonical (already checked) compose nodes into Java values. */
final class Tree {
  private Tree() {}

  static YamlNode.Mapping map(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Mapping v ? v : null;
  }

  static String str(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }

  static Long integer(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Scalar s && s.value() instanceof Long l ? l : null;
  }

  static Integer int32(YamlNode.Mapping m, String key) {
    Long l = integer(m, key);
    return l == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
  }

  static Double number(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Scalar s && s.value() instanceof Number n
        ? n.doubleValue() : null;
  }

  static Boolean bool(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Scalar s && s.value() instanceof Boolean b ? b : null;
  }

  static boolean flag(YamlNode.Mapping m, String key) {
    return Boolean.TRUE.equals(bool(m, key));
  }

  static Long bytes(YamlNode.Mapping m, String key) {
    return m != null && m.get(key) instanceof YamlNode.Scalar s && !s.isNull() ? Units.bytes(s.value()) : null;
  }

  static java.time.Duration duration(YamlNode.Mapping m, String key) {
    String s = str(m, key);
    return s == null ? null : Units.duration(s);
  }

  /** A list of scalars as text (empty when absent). */
  static List<String> strings(YamlNode.Mapping m, String key) {
    List<String> out = new ArrayList<>();
    if (m != null && m.get(key) instanceof YamlNode.Sequence s) {
      for (YamlNode i : s.items()) {
        if (i instanceof YamlNode.Scalar sc) {
          out.add(sc.text());
        }
      }
    }
    return out;
  }

  /** A canonical string mapping (null values kept as null; empty when absent). */
  static Map<String, String> dict(YamlNode.Mapping m, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    YamlNode.Mapping d = map(m, key);
    if (d != null) {
      for (YamlNode.Entry e : d.entries()) {
        out.put(e.name(), e.value() instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null);
      }
    }
    return out;
  }

  static List<YamlNode.Mapping> maps(YamlNode.Mapping m, String key) {
    List<YamlNode.Mapping> out = new ArrayList<>();
    if (m != null && m.get(key) instanceof YamlNode.Sequence s) {
      for (YamlNode i : s.items()) {
        if (i instanceof YamlNode.Mapping im) {
          out.add(im);
        }
      }
    }
    return out;
  }
}
