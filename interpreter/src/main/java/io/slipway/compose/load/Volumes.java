package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's {@code volumes}: the short syntax ({@code /data}, {@code named:/data},
 * {@code ./host:/data:ro}), canonically {@code source:target:mode} with the host path made
 * absolute (as {@code docker-compose config} writes it), and the long syntax (bind, volume, tmpfs),
 * canonically a mapping with an absolute bind source. Files merge volumes by target path (sorted by it).
 */
final class Volumes {
  private Volumes() {}

  private static final ObjectKind LONG = ObjectKind.object()
      .field("type", Scalars.oneOf("bind", "volume", "tmpfs", "npipe"))
      .field("source", Scalars.STRING)
      .field("target", Scalars.STRING)
      .field("read_only", Scalars.BOOL)
      .field("consistency", Scalars.STRING)
      .field("bind", ObjectKind.object().field("propagation", Scalars.STRING).field("create_host_path", Scalars.BOOL))
      .field("volume", ObjectKind.object().field("nocopy", Scalars.BOOL))
      .field("tmpfs", ObjectKind.object().field("size", Scalars.BYTES_KIND).field("mode", Scalars.INT));

  static final Kind KIND = ((Kind) (n, path, cx) -> {
    if (!(n instanceof YamlNode.Sequence s)) {
      return cx.wrongType(n, path, "a list of volumes");
    }
    List<YamlNode> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      YamlNode v = one(item, path + "[" + out.size() + "]", cx);
      if (v != null) {
        out.add(v);
      }
    }
    return new YamlNode.Sequence(out, s.pos());
  }).merging(Volumes::merge);

  /**
   * The later file's volume replaces the earlier one with the same target; the result is sorted
   * by target, as docker-compose 1.29 sorts merged path mappings.
   */
  private static YamlNode merge(YamlNode base, YamlNode override) {
    List<YamlNode> items = new ArrayList<>(((YamlNode.Sequence) Shapes.byKey(base, override, Volumes::target)).items());
    items.sort(java.util.Comparator.comparing(Volumes::target));
    return new YamlNode.Sequence(items, override.pos());
  }

  /** The container path of a canonical volume entry. */
  static String target(YamlNode v) {
    if (v instanceof YamlNode.Mapping m) {
      return m.get("target") instanceof YamlNode.Scalar t ? t.text() : "";
    }
    String[] parts = ((YamlNode.Scalar) v).text().split(":");
    return parts.length == 1 ? parts[0] : parts[1];
  }

  private static YamlNode one(YamlNode item, String path, Ctx cx) {
    if (item instanceof YamlNode.Mapping) {
      return longSyntax(item, path, cx);
    }
    if (!(item instanceof YamlNode.Scalar s) || !s.isString() || s.text().isBlank()) {
      return cx.wrongType(item, path, "a volume (`[source:]target[:mode]` or a mapping)");
    }
    String[] parts = s.text().split(":", -1);
    if (parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      return cx.error(Code.E0704, item.pos(), "`" + path + "`: `" + s.text() + "` is not a volume",
          "write it as `[source:]target[:mode]`, e.g. `./data:/data:ro` or `db-data:/var/lib/db`");
    }
    if (parts.length == 1) {
      return new YamlNode.Scalar(normal(parts[0]), s.pos());
    }
    String source = parts[0];
    if (source.startsWith(".") || source.startsWith("~")) {
      source = cx.absolute(source);
    } else if (source.startsWith("/")) {
      source = normal(source);
    }
    String mode = parts.length == 3 ? parts[2] : "rw";
    if (!normal(parts[1]).startsWith("/")) {
      return cx.error(Code.E0704, item.pos(), "`" + path + "`: the container path `" + parts[1]
          + "` must be absolute", null);
    }
    return new YamlNode.Scalar(source + ":" + normal(parts[1]) + ":" + mode, s.pos());
  }

  private static YamlNode longSyntax(YamlNode item, String path, Ctx cx) {
    if (!(LONG.normalize(item, path, cx) instanceof YamlNode.Mapping m)) {
      return null;
    }
    if (!m.has("type")) {
      return cx.error(Code.E0704, item, "`" + path + "` needs a `type` (`bind`, `volume` or `tmpfs`)");
    }
    String type = ((YamlNode.Scalar) m.get("type")).text();
    if (!m.has("target")) {
      return cx.error(Code.E0704, item, "`" + path + "` needs a `target` (the path in the container)");
    }
    if (type.equals("tmpfs") && m.has("source")) {
      return cx.error(Code.E0704, m.get("source"), "`" + path + "`: a tmpfs mount has no `source`");
    }
    if (type.equals("bind") && !m.has("source")) {
      return cx.error(Code.E0704, item, "`" + path + "`: a bind mount needs a `source` (a host path)");
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : m.entries()) {
      if (e.name().equals("source") && type.equals("bind")) {
        String src = ((YamlNode.Scalar) e.value()).text();
        out.add(new YamlNode.Entry(e.key(), new YamlNode.Scalar(
            src.startsWith(".") || src.startsWith("~") ? cx.absolute(src) : normal(src), e.value().pos())));
      } else {
        out.add(e);
      }
    }
    return new YamlNode.Mapping(out, m.pos());
  }

  /** {@code os.path.normpath} for POSIX paths: no {@code //}, {@code /./} or trailing slash. */
  static String normal(String p) {
    if (!p.startsWith("/")) {
      return p;
    }
    String n = Path.of(p).normalize().toString();
    return n.isEmpty() ? "/" : n;
  }
}
