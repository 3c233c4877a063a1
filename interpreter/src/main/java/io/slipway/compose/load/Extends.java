package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code extends}: a service starts from another service (of the same files, or of another file,
 * whose relative paths are relative to that file) and the extending service's keys are merged on
 * top, with the rules that merge files. Chains are followed; a cycle is an error.
 */
final class Extends {
  /** Reads another compose file (relative paths against its own directory). */
  interface Reader {
    ComposeLoader.FileSections read(Path file, Ctx cx);
  }

  private final Reader reader;
  private final Ctx cx;
  private final Map<Path, YamlNode.Mapping> files = new HashMap<>();

  Extends(Reader reader, Ctx cx) {
    this.reader = reader;
    this.cx = cx;
  }

  YamlNode.Mapping resolve(YamlNode.Mapping services, Path mainFile) {
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : services.entries()) {
      YamlNode.Mapping s = resolve(e.name(), services, mainFile, new LinkedHashSet<>());
      if (s != null) {
        out.add(new YamlNode.Entry(e.key(), s));
      }
    }
    return new YamlNode.Mapping(out, services.pos());
  }

  private YamlNode.Mapping resolve(String name, YamlNode.Mapping services, Path file, Set<String> seen) {
    YamlNode.Mapping s = Tree.map(services, name);
    YamlNode.Mapping ext = s == null ? null : Tree.map(s, "extends");
    if (ext == null) {
      return s;
    }
    String key = file + "#" + name;
    if (!seen.add(key)) {
      cx.error(Code.E0709, ext, "`extends` goes round in a circle: " + String.join(" -> ", seen) + " -> " + key);
      return null;
    }
    String base = Tree.str(ext, "service");
    String other = Tree.str(ext, "file");
    YamlNode.Mapping baseServices = services;
    Path baseFile = file;
    if (other != null) {
      baseFile = Path.of(other);
      baseServices = files.computeIfAbsent(baseFile, f -> {
        var sections = reader.read(f, new Ctx(cx.out(), f.getParent()));
        return sections == null ? null : Tree.map(sections.sections(), "services");
      });
      if (baseServices == null) {
        return null;
      }
    }
    if (Tree.map(baseServices, base) == null) {
      cx.error(Code.E0705, ext, "cannot extend `" + base + "`: no such service in " + baseFile.getFileName());
      return null;
    }
    YamlNode.Mapping resolvedBase = resolve(base, baseServices, baseFile, seen);
    if (resolvedBase == null) {
      return null;
    }
    List<YamlNode.Entry> own = new ArrayList<>();
    for (YamlNode.Entry e : s.entries()) {
      if (!e.name().equals("extends")) {
        own.add(e);
      }
    }
    return (YamlNode.Mapping) Schema.SERVICE.merge(resolvedBase, new YamlNode.Mapping(own, s.pos()));
  }
}
