package io.slipway.compose.load;

import io.slipway.check.DidYouMean;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping with known keys (a service, a network, {@code deploy}, ...). Unknown keys are a
 * located warning with the closest known key as a hint, and are dropped; {@code x-} extension
 * keys are kept as written. Merging merges key by key, each key by its own rule.
 */
final class ObjectKind implements Kind {
  private final Map<String, Kind> fields = new LinkedHashMap<>();
  private final boolean extensions;

  private ObjectKind(boolean extensions) {
    this.extensions = extensions;
  }

  /** An object whose {@code x-} keys are kept. */
  static ObjectKind object() {
    return new ObjectKind(true);
  }

  ObjectKind field(String name, Kind kind) {
    fields.put(name, kind);
    return this;
  }

  boolean knows(String key) {
    return fields.containsKey(key);
  }

  @Override
  public YamlNode normalize(YamlNode node, String path, Ctx cx) {
    if (!(node instanceof YamlNode.Mapping m)) {
      return cx.wrongType(node, path, "a mapping");
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : m.entries()) {
      String key = e.name();
      Kind kind = fields.get(key);
      if (kind == null) {
        if (extensions && key.startsWith("x-")) {
          out.add(e);
        } else {
          cx.warn(Code.E0703, e.key().pos(), "unknown key `" + key + "` in `" + path + "`: ignored",
              DidYouMean.hint(key, fields.keySet()));
        }
        continue;
      }
      YamlNode v = kind.normalize(e.value(), path + "." + key, cx);
      if (v != null) {
        out.add(new YamlNode.Entry(e.key(), v));
      }
    }
    return new YamlNode.Mapping(out, m.pos());
  }

  @Override
  public YamlNode merge(YamlNode base, YamlNode override) {
    if (!(base instanceof YamlNode.Mapping b) || !(override instanceof YamlNode.Mapping o)) {
      return override;
    }
    return mergeEntries(b, o, key -> fields.get(key));
  }

  /** Key-by-key merge of two mappings; {@code rule} gives each key's kind (null: replace). */
  static YamlNode.Mapping mergeEntries(YamlNode.Mapping b, YamlNode.Mapping o,
      java.util.function.Function<String, Kind> rule) {
    Map<String, YamlNode.Entry> merged = new LinkedHashMap<>();
    for (YamlNode.Entry e : b.entries()) {
      merged.put(e.name(), e);
    }
    for (YamlNode.Entry e : o.entries()) {
      YamlNode.Entry before = merged.get(e.name());
      Kind kind = rule.apply(e.name());
      if (before == null || kind == null || before.value() instanceof YamlNode.Scalar bs && bs.isNull()) {
        merged.put(e.name(), e);
      } else {
        merged.put(e.name(), new YamlNode.Entry(e.key(), kind.merge(before.value(), e.value())));
      }
    }
    return new YamlNode.Mapping(new ArrayList<>(merged.values()), o.pos());
  }
}
