package io.slipway.compose.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The conformance corpus under {@code src/test/resources/compose-conformance}: one directory per
 * case, holding its compose files. Optional, per case: {@code files} (the {@code -f} files in
 * order, one per line; without it both tools find the default files, {@code docker-compose.yml}
 * and its override) and {@code process.env} ({@code NAME=value} lines given to both tools as
 * process environment). {@code _images/} holds the stand-in images' Dockerfiles.
 */
final class Corpus {
  static final Path ROOT = Path.of("src/test/resources/compose-conformance").toAbsolutePath();

  /** One case, copied to a scratch directory (its bind mounts and built images live there). */
  record Case(String name, Path dir, List<String> files, Map<String, String> env) {
    /** The files to load, absolute: the named ones, else the default files. */
    List<Path> paths() {
      if (files.isEmpty()) {
        return io.slipway.compose.load.DefaultFiles.find(dir);
      }
      return files.stream().map(dir::resolve).toList();
    }
  }

  private Corpus() {}

  /** The cases to run (every case, unless {@code -Dconformance.cases} selects some). */
  static List<String> names() {
    return all().stream().filter(Corpus::selected).toList();
  }

  static List<String> all() {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code -Dconformance.cases=07,16} runs only the cases whose names start with those prefixes. */
  private static boolean selected(String name) {
    String only = System.getProperty("conformance.cases", "");
    return only.isBlank() || java.util.Arrays.stream(only.split(",")).anyMatch(p -> name.startsWith(p.strip()));
  }

  /** Copies case {@code name} to {@code scratch/name}; {@code common} variables are added to its env. */
  static Case load(String name, Path scratch, Map<String, String> common) {
    Path src = ROOT.resolve(name);
    Path dir = scratch.resolve(name);
    try {
      copy(src, dir);
      List<String> files = new ArrayList<>();
      Path list = src.resolve("files");
      if (Files.exists(list)) {
        Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(files::add);
      }
      Map<String, String> env = new LinkedHashMap<>(common);
      Path pe = src.resolve("process.env");
      if (Files.exists(pe)) {
        for (String l : Files.readAllLines(pe)) {
          int eq = l.indexOf('=');
          if (eq > 0) {
            env.put(l.substring(0, eq), l.substring(eq + 1));
          }
        }
      }
      return new Case(name, dir, files, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().equals("files") && !p.getFileName().toString().equals("process.env")) {
          Files.copy(p, t);
        }
      }
    }
  }
}
