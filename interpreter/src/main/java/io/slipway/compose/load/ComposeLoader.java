package io.slipway.compose.load;

import io.slipway.check.DidYouMean;
import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.yaml.Pos;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.compose.yaml.YamlReader;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Severity;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads a compose project from one or more files, as {@code docker-compose -f a -f b} does: each
 * file is parsed, interpolated and checked against the schema, the files are merged in order
 * (later files override scalars, merge mappings, and append to or replace lists per key), then
 * {@code extends} and {@code env_file}s are resolved and the model is built. Every problem is a
 * located {@link Diagnostic}; nothing throws.
 *
 * <p>Variables come from {@code env} (the pipeline's {@code env =}), then the process
 * environment, then the project directory's {@code .env} file.
 */
public final class ComposeLoader {
  private static final Pattern VERSION = Pattern.compile("[1-3](\\.\\d+)?");
  private static final List<String> TOP = List.of("version", "name", "services", "networks", "volumes",
      "secrets", "configs");

  /**
   * @param files the compose files, the first one's directory being the project directory
   * @param env variables given by the pipeline (first choice)
   * @param processEnv the process environment (second choice)
   * @param project the project name, or null for {@code COMPOSE_PROJECT_NAME}, the file's
   *     {@code name:}, or the project directory's name
   * @param displayBase paths in diagnostics are shown relative to this directory
   */
  public record Options(List<Path> files, Map<String, String> env, Map<String, String> processEnv, String project,
      Path displayBase) {
    public Options {
      files = List.copyOf(files);
      env = Map.copyOf(env);
      processEnv = Map.copyOf(processEnv);
    }
  }

  /** The project (null when there were errors) and every diagnostic, warnings included. */
  public record Result(ComposeProject project, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(sorted(diagnostics));
    }

    public boolean failed() {
      return project == null;
    }

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> d.severity() != Severity.ERROR).toList();
    }
  }

  private final Options options;
  private final List<Diagnostic> out = new ArrayList<>();
  private final Ctx cx;
  private final Path dir;
  private final Set<String> warned = new HashSet<>();
  private Function<String, String> lookup;

  private ComposeLoader(Options options) {
    this.options = options;
    this.dir = options.files().get(0).toAbsolutePath().normalize().getParent();
    this.cx = new Ctx(out, dir);
  }

  public static Result load(Options options) {
    if (options.files().isEmpty()) {
      throw new IllegalArgumentException("no compose file");
    }
    return new ComposeLoader(options).load();
  }

  private Result load() {
    Map<String, String> dotenv = DotEnv.read(dir.resolve(".env"), display(dir.resolve(".env")), out,
        k -> options.env().getOrDefault(k, options.processEnv().get(k)));
    lookup = k -> options.env().containsKey(k) ? options.env().get(k)
        : options.processEnv().containsKey(k) ? options.processEnv().get(k) : dotenv.get(k);
    String version = null;
    String name = null;
    YamlNode.Mapping merged = null;
    for (int i = 0; i < options.files().size(); i++) {
      FileSections f = readFile(options.files().get(i), cx);
      if (f == null) {
        continue;
      }
      if (i == 0) {
        version = f.version;
      }
      name = f.name != null ? f.name : name;
      merged = merged == null ? f.sections : ObjectKind.mergeEntries(merged, f.sections, Schema.SECTIONS::get);
    }
    if (merged == null || hasErrors()) {
      return new Result(null, out);
    }
    YamlNode.Mapping services = Tree.map(merged, "services");
    if (services != null) {
      services = new Extends(this::readFile, cx).resolve(services, options.files().get(0).toAbsolutePath());
      List<YamlNode.Entry> done = new ArrayList<>();
      Finalizer fin = new Finalizer(cx, lookup);
      for (YamlNode.Entry e : services.entries()) {
        done.add(new YamlNode.Entry(e.key(), fin.service(e.name(), (YamlNode.Mapping) e.value())));
      }
      services = new YamlNode.Mapping(done, services.pos());
    }
    YamlNode.Mapping doc = document(version, services, merged);
    String project = projectName(name);
    ComposeProject p = new ModelBuilder(cx, project).build(dir, options.files().stream()
        .map(f -> f.toAbsolutePath().normalize()).toList(), version, doc);
    return new Result(hasErrors() ? null : p, out);
  }

  /** Diagnostics by file (in the order files were read), then by position. */
  private static List<Diagnostic> sorted(List<Diagnostic> ds) {
    List<String> files = new ArrayList<>();
    ds.forEach(d -> {
      if (!files.contains(d.file().name())) {
        files.add(d.file().name());
      }
    });
    List<Diagnostic> copy = new ArrayList<>(ds);
    copy.sort(java.util.Comparator.comparingInt((Diagnostic d) -> files.indexOf(d.file().name()))
        .thenComparingInt(d -> d.span().start()));
    return copy;
  }

  private boolean hasErrors() {
    return out.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The canonical document: version, then the merged sections. */
  private static YamlNode.Mapping document(String version, YamlNode.Mapping services, YamlNode.Mapping merged) {
    List<YamlNode.Entry> e = new ArrayList<>();
    if (version != null) {
      e.add(new YamlNode.Entry(new YamlNode.Scalar("version", merged.pos()), new YamlNode.Scalar(version, merged.pos())));
    }
    e.add(new YamlNode.Entry(new YamlNode.Scalar("services", merged.pos()),
        services != null ? services : new YamlNode.Mapping(List.of(), merged.pos())));
    for (String s : List.of("networks", "volumes", "secrets", "configs")) {
      if (merged.entry(s) != null) {
        e.add(merged.entry(s));
      }
    }
    return new YamlNode.Mapping(e, merged.pos());
  }

  private String projectName(String fromFile) {
    String n = options.project();
    if (n == null) {
      n = lookup.apply("COMPOSE_PROJECT_NAME");
    }
    if (n == null || n.isEmpty()) {
      n = fromFile;
    }
    if (n == null || n.isEmpty()) {
      n = dir.getFileName() == null ? "default" : dir.getFileName().toString();
    }
    String normal = n.toLowerCase(Locale.ROOT).replaceAll("[^-_a-z0-9]", "");
    return normal.isEmpty() ? "default" : normal;
  }

  /** One file's version, {@code name} and normalized sections. */
  record FileSections(String version, String name, YamlNode.Mapping sections) {}

  /** Reads, interpolates and normalizes one file; null (problem reported) when unusable. */
  FileSections readFile(Path path, Ctx fileCx) {
    String shown = display(path);
    SourceFile file;
    try {
      file = SourceFile.read(path, shown);
    } catch (IOException e) {
      SourceFile none = SourceFile.of(shown, "");
      fileCx.error(Code.E0708, new Pos(none, new Span(0, 0)), "cannot read compose file " + shown + ": "
          + (Files.exists(path) ? e.getMessage() : "no such file"), null);
      return null;
    }
    int before = out.size();
    YamlNode root = YamlReader.read(file, out);
    if (root == null) {
      if (out.size() == before || out.subList(before, out.size()).stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
        fileCx.error(Code.E0702, new Pos(file, new Span(0, 0)), "the compose file " + shown + " is empty",
            "a compose file holds at least `services:`");
      }
      return null;
    }
    if (!(root instanceof YamlNode.Mapping m)) {
      fileCx.error(Code.E0702, root.pos(), "a compose file is a mapping (`services:`, `networks:`, ...), found "
          + root.describe(), null);
      return null;
    }
    String version = version(m, fileCx);
    String name = null;
    Interpolator interp = new Interpolator(lookup, fileCx, warned);
    List<YamlNode.Entry> sections = new ArrayList<>();
    for (YamlNode.Entry e : m.entries()) {
      String key = e.name();
      if (key.equals("version") || key.startsWith("x-")) {
        continue;
      }
      if (key.equals("name")) {
        YamlNode v = interp.apply(e.value());
        name = v instanceof YamlNode.Scalar s && s.isString() ? s.text() : null;
        continue;
      }
      Kind kind = Schema.SECTIONS.get(key);
      if (kind == null) {
        fileCx.warn(Code.E0703, e.key().pos(), "unknown top-level key `" + key + "`: ignored", DidYouMean.hint(key, TOP));
        continue;
      }
      YamlNode value = e.value() instanceof YamlNode.Scalar s && s.isNull() ? new YamlNode.Mapping(List.of(), s.pos())
          : interp.apply(e.value());
      YamlNode normal = value == null ? null : kind.normalize(value, key, fileCx);
      if (normal != null) {
        sections.add(new YamlNode.Entry(e.key(), normal));
      }
    }
    return new FileSections(version, name, new YamlNode.Mapping(sections, m.pos()));
  }

  private static String version(YamlNode.Mapping m, Ctx fileCx) {
    YamlNode v = m.get("version");
    if (v == null) {
      return null;
    }
    if (!(v instanceof YamlNode.Scalar s) || !s.isString()) {
      fileCx.error(Code.E0702, v.pos(), "`version` must be a string, found " + v.describe(),
          v instanceof YamlNode.Scalar s2 && !s2.isNull() ? "quote it: `version: \"" + s2.text() + "\"`" : null);
      return null;
    }
    String t = s.text();
    if (!VERSION.matcher(t).matches()) {
      fileCx.error(Code.E0704, v.pos(), "`version: \"" + t + "\"` is not a compose file version", "use \"3.8\" or leave `version` out");
      return null;
    }
    if (t.startsWith("1")) {
      fileCx.error(Code.E0704, v.pos(), "compose file version 1 is not supported", "use version \"2\" or later, with `services:`");
      return null;
    }
    return t;
  }

  String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = options.displayBase() == null ? null : options.displayBase().toAbsolutePath().normalize();
    return base != null && abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
