package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Lists, named maps and the "list or mapping" forms of compose keys, with their merge rules. */
final class Shapes {
  private Shapes() {}

  /** Names of services, networks, volumes, secrets and configs. */
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]+");

  /** A list of {@code item}; merged by replacing. */
  static Kind list(Kind item) {
    return (n, path, cx) -> {
      if (!(n instanceof YamlNode.Sequence s)) {
        return cx.wrongType(n, path, "a list");
      }
      List<YamlNode> out = new ArrayList<>();
      for (YamlNode i : s.items()) {
        YamlNode v = item.normalize(i, path + "[" + out.size() + "]", cx);
        if (v != null) {
          out.add(v);
        }
      }
      return new YamlNode.Sequence(out, s.pos());
    };
  }

  /** A single value or a list of them, canonically a list; merged by concatenation. */
  static Kind listOrOne(Kind item) {
    Kind list = list(item);
    Kind k = (n, path, cx) -> n instanceof YamlNode.Sequence ? list.normalize(n, path, cx)
        : wrap(item.normalize(n, path, cx));
    return k.merging(Shapes::concat);
  }

  private static YamlNode wrap(YamlNode v) {
    return v == null ? null : new YamlNode.Sequence(List.of(v), v.pos());
  }

  static YamlNode concat(YamlNode base, YamlNode override) {
    List<YamlNode> all = new ArrayList<>(((YamlNode.Sequence) base).items());
    all.addAll(((YamlNode.Sequence) override).items());
    return new YamlNode.Sequence(all, override.pos());
  }

  /** Appends the later list's items that the earlier one lacks (cap_add, expose, ...). */
  static YamlNode union(YamlNode base, YamlNode override) {
    return byKey(base, override, n -> ((YamlNode.Scalar) n).text());
  }

  /**
   * Items of the later list replace those of the earlier list with the same key, in place;
   * the others are appended (ports by address, volumes by target, ...).
   */
  static YamlNode byKey(YamlNode base, YamlNode override, Function<YamlNode, Object> key) {
    Map<Object, YamlNode> merged = new LinkedHashMap<>();
    for (YamlNode i : ((YamlNode.Sequence) base).items()) {
      merged.put(key.apply(i), i);
    }
    for (YamlNode i : ((YamlNode.Sequence) override).items()) {
      merged.put(key.apply(i), i);
    }
    return new YamlNode.Sequence(new ArrayList<>(merged.values()), override.pos());
  }

  /**
   * A mapping from names to {@code value}s (services, networks, ...). A null value is an empty
   * mapping where {@code nullIsEmpty} (a network declared as {@code front:}).
   */
  static Kind named(Kind value, boolean nullIsEmpty) {
    return new Kind() {
      @Override
      public YamlNode normalize(YamlNode n, String path, Ctx cx) {
        if (!(n instanceof YamlNode.Mapping m)) {
          return cx.wrongType(n, path, "a mapping");
        }
        List<YamlNode.Entry> out = new ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
          String name = e.name();
          if (!(e.key().isString()) || !NAME.matcher(name).matches()) {
            cx.error(Code.E0704, e.key(), "`" + path + "`: `" + name
                + "` is not a valid name (letters, digits, `.`, `_` and `-` only)");
            continue;
          }
          YamlNode v = e.value();
          if (v instanceof YamlNode.Scalar s && s.isNull() && nullIsEmpty) {
            v = new YamlNode.Mapping(List.of(), s.pos());
          }
          YamlNode nv = value.normalize(v, path + "." + name, cx);
          if (nv != null) {
            out.add(new YamlNode.Entry(e.key(), nv));
          }
        }
        return new YamlNode.Mapping(out, m.pos());
      }

      @Override
      public YamlNode merge(YamlNode base, YamlNode override) {
        return ObjectKind.mergeEntries((YamlNode.Mapping) base, (YamlNode.Mapping) override, k -> value);
      }
    };
  }

  /** Mapping keys merged one by one, the later file's value winning (environment, labels, ...). */
  static YamlNode mergeMaps(YamlNode base, YamlNode override) {
    return ObjectKind.mergeEntries((YamlNode.Mapping) base, (YamlNode.Mapping) override, k -> null);
  }
}
