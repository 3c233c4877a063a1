package io.slipway.compose.load;

import io.slipway.compose.yaml.Pos;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import io.slipway.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The last step on a merged service, as docker-compose's {@code finalize_service}: the
 * {@code env_file}s are read (in order, then {@code environment} on top) into
 * {@code environment}, and variables listed without a value ({@code environment: [DEBUG]}, build
 * {@code args}) take their value from the project's environment when it has one.
 */
final class Finalizer {
  private final Ctx cx;
  private final Function<String, String> lookup;

  Finalizer(Ctx cx, Function<String, String> lookup) {
    this.cx = cx;
    this.lookup = lookup;
  }

  YamlNode.Mapping service(String name, YamlNode.Mapping s) {
    if (!s.has("env_file") && !s.has("environment") && !s.has("build")) {
      return s;
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    boolean envDone = false;
    for (YamlNode.Entry e : s.entries()) {
      switch (e.name()) {
        case "env_file", "environment" -> {
          if (!envDone) {
            out.add(new YamlNode.Entry(new YamlNode.Scalar("environment", e.key().pos()), environment(name, s)));
            envDone = true;
          }
        }
        case "build" -> out.add(new YamlNode.Entry(e.key(), buildArgs((YamlNode.Mapping) e.value())));
        default -> out.add(e);
      }
    }
    return new YamlNode.Mapping(out, s.pos());
  }

  private YamlNode.Mapping environment(String service, YamlNode.Mapping s) {
    Map<String, YamlNode.Entry> env = new LinkedHashMap<>();
    if (s.get("env_file") instanceof YamlNode.Sequence files) {
      for (YamlNode f : files.items()) {
        readEnvFile((YamlNode.Scalar) f, service, env);
      }
    }
    if (s.get("environment") instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        env.remove(e.name());
        env.put(e.name(), e);
      }
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : env.values()) {
      out.add(resolve(e));
    }
    Pos at = s.has("environment") ? s.get("environment").pos() : s.get("env_file").pos();
    return new YamlNode.Mapping(out, at);
  }

  private void readEnvFile(YamlNode.Scalar f, String service, Map<String, YamlNode.Entry> env) {
    Path p = Path.of(cx.absolute(f.text()));
    String text;
    try {
      text = Files.readString(p);
    } catch (IOException e) {
      cx.error(Code.E0708, f.pos(), "service `" + service + "`: cannot read the env_file " + p
          + (Files.exists(p) ? "" : ": no such file"), null);
      return;
    }
    try {
      EnvFiles.parse(text, lookup).forEach((k, v) -> {
        env.remove(k);
        env.put(k, new YamlNode.Entry(new YamlNode.Scalar(k, f.pos()), new YamlNode.Scalar(v, f.pos())));
      });
    } catch (EnvFiles.BadLine b) {
      var file = io.slipway.source.SourceFile.of(p.toString(), text);
      int off = file.lineStarts()[Math.min(b.line, file.lineCount()) - 1];
      cx.error(Code.E0704, new Pos(file, new Span(off, off)), "env_file: " + b.getMessage(), null);
    }
  }

  private YamlNode.Entry resolve(YamlNode.Entry e) {
    if (e.value() instanceof YamlNode.Scalar v && v.isNull()) {
      String found = lookup.apply(e.name());
      if (found != null) {
        return new YamlNode.Entry(e.key(), new YamlNode.Scalar(found, v.pos()));
      }
    }
    return e;
  }

  private YamlNode.Mapping buildArgs(YamlNode.Mapping b) {
    if (!(b.get("args") instanceof YamlNode.Mapping args)) {
      return b;
    }
    List<YamlNode.Entry> resolved = new ArrayList<>();
    for (YamlNode.Entry e : args.entries()) {
      resolved.add(resolve(e));
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : b.entries()) {
      out.add(e.name().equals("args") ? new YamlNode.Entry(e.key(), new YamlNode.Mapping(resolved, args.pos())) : e);
    }
    return new YamlNode.Mapping(out, b.pos());
  }
}
