package io.slipway.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the examples live and which files are pipelines or libraries. */
final class ExampleFiles {
  /** Directories that belong to the build or to a run, never to an example. */
  private static final Set<String> SKIPPED = Set.of("target", ".slipway", "expected");

  private ExampleFiles() {}

  /** The {@code examples/} directory, whether tests run from the module or the repository root. */
  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path candidate : List.of(here, here.resolve("examples"))) {
      if (Files.isRegularFile(candidate.resolve("books-ms/Slipfile"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find the examples directory from " + here);
  }

  /** The repository root (holds {@code scripts/}). */
  static Path repository() {
    return root().getParent();
  }

  static Path example(String name) {
    return root().resolve(name);
  }

  /** Every {@code Slipfile} and {@code *.slip} under {@code examples/}, sorted. */
  static List<Path> slipwayFiles() {
    List<Path> files = new ArrayList<>();
    Path root = root();
    Path tests = root.resolve("src");
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          boolean skip = dir.equals(tests) || SKIPPED.contains(dir.getFileName().toString());
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.equals("Slipfile") || name.endsWith(".slip")) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+\"([^\"]+)\"");

  /** The files some example imports (library files), resolved against their importers. */
  static Set<Path> imported() {
    Set<Path> libraries = new TreeSet<>();
    for (Path file : slipwayFiles()) {
      Matcher m = IMPORT.matcher(read(file));
      while (m.find()) {
        libraries.add(file.getParent().resolve(m.group(1)).normalize());
      }
    }
    return libraries;
  }

  /** The pipeline files: every example file that no other file imports. */
  static List<Path> pipelines() {
    Set<Path> libraries = imported();
    return slipwayFiles().stream().filter(f -> !libraries.contains(f)).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies an example directory into {@code target} (without run state), so that a run's
   * {@code .slipway/} counter starts fresh and the source tree stays untouched.
   */
  static Path copy(Path exampleDir, Path target) {
    try (Stream<Path> walk = Files.walk(exampleDir)) {
      for (Path source : walk.toList()) {
        Path relative = exampleDir.relativize(source);
        if (relative.toString().startsWith(".slipway")) {
          continue;
        }
        Path dest = target.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
