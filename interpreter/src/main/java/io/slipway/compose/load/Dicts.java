package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys written either as a list of {@code KEY=value} strings or as a mapping
 * ({@code environment}, {@code labels}, {@code sysctls}, build {@code args}, ...), canonically a
 * mapping. Later files' keys replace earlier ones'.
 */
final class Dicts {
  private Dicts() {}

  /** What a value may be and what a bare {@code KEY} (no {@code =}) means. */
  enum Values {
    /** Environment and build args: strings or numbers; a bare key is null (taken from the environment). */
    ENV,
    /** Labels: any scalar becomes a string; a bare key is the empty string. */
    LABELS,
    /** Sysctls and driver options: strings. */
    STRINGS
  }

  static Kind of(Values mode) {
    Kind k = (n, path, cx) -> switch (n) {
      case YamlNode.Sequence s -> fromList(s, mode, path, cx);
      case YamlNode.Mapping m -> fromMap(m, mode, path, cx);
      default -> cx.wrongType(n, path, "a list of `KEY=value` or a mapping");
    };
    return k.merging(Shapes::mergeMaps);
  }

  private static YamlNode fromList(YamlNode.Sequence s, Values mode, String path, Ctx cx) {
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      if (!(item instanceof YamlNode.Scalar sc) || !(sc.isString() || mode != Values.ENV && !sc.isNull())) {
        cx.wrongType(item, path + "[" + out.size() + "]", "a `KEY=value` string");
        continue;
      }
      String text = sc.text();
      int eq = text.indexOf('=');
      String key = eq < 0 ? text : text.substring(0, eq);
      Object value = eq >= 0 ? text.substring(eq + 1) : mode == Values.ENV ? null : "";
      if (!validKey(key, mode, item, path, cx)) {
        continue;
      }
      out.add(new YamlNode.Entry(new YamlNode.Scalar(key, sc.pos()), new YamlNode.Scalar(value, sc.pos())));
    }
    return new YamlNode.Mapping(dedupe(out), s.pos());
  }

  private static YamlNode fromMap(YamlNode.Mapping m, Values mode, String path, Ctx cx) {
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : m.entries()) {
      if (!validKey(e.name(), mode, e.key(), path, cx)) {
        continue;
      }
      YamlNode v = e.value();
      String where = path + "." + e.name();
      if (!(v instanceof YamlNode.Scalar sc)) {
        cx.wrongType(v, where, mode == Values.ENV ? "a string, a number or null" : "a string");
        continue;
      }
      Object value = switch (mode) {
        case ENV -> sc.value() instanceof Boolean ? null : sc.value();
        case LABELS -> sc.isNull() ? null : sc.text();
        case STRINGS -> sc.text();
      };
      if (mode == Values.ENV && sc.value() instanceof Boolean) {
        cx.wrongType(v, where, "a string, a number or null");
        continue;
      }
      out.add(new YamlNode.Entry(new YamlNode.Scalar(e.name(), e.key().pos()), new YamlNode.Scalar(value, sc.pos())));
    }
    return new YamlNode.Mapping(out, m.pos());
  }

  private static boolean validKey(String key, Values mode, YamlNode at, String path, Ctx cx) {
    if (key.isEmpty() || mode == Values.ENV && key.chars().anyMatch(Character::isWhitespace)) {
      cx.error(Code.E0704, at, "`" + path + "`: `" + key + "` is not a valid "
          + (mode == Values.ENV ? "variable name (no spaces)" : "name"));
      return false;
    }
    return true;
  }

  /** A key listed twice: the later one wins, as in a mapping. */
  private static List<YamlNode.Entry> dedupe(List<YamlNode.Entry> entries) {
    var byKey = new java.util.LinkedHashMap<String, YamlNode.Entry>();
    for (YamlNode.Entry e : entries) {
      byKey.remove(e.name());
      byKey.put(e.name(), e);
    }
    return new ArrayList<>(byKey.values());
  }

  /** {@code extra_hosts}: {@code ["host:ip"]} or {@code {host: ip}}, canonically a mapping. */
  static final Kind HOSTS = ((Kind) (n, path, cx) -> {
    if (n instanceof YamlNode.Mapping m) {
      return fromMap(m, Values.STRINGS, path, cx);
    }
    if (!(n instanceof YamlNode.Sequence s)) {
      return cx.wrongType(n, path, "a list of `host:ip` or a mapping");
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      String text = item instanceof YamlNode.Scalar sc && sc.isString() ? sc.text() : null;
      int sep = text == null ? -1 : text.indexOf(':');
      if (sep <= 0) {
        cx.error(Code.E0704, item, "`" + path + "`: expected `host:ip`, found "
            + (text == null ? item.describe() : "`" + text + "`"));
        continue;
      }
      out.add(new YamlNode.Entry(new YamlNode.Scalar(text.substring(0, sep).strip(), item.pos()),
          new YamlNode.Scalar(text.substring(sep + 1).strip(), item.pos())));
    }
    return new YamlNode.Mapping(out, s.pos());
  }).merging(Shapes::mergeMaps);
}
