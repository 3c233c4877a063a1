package io.slipway.engine.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a build context as the Docker CLI sends it: the directory as a tar, minus what
 * {@code .dockerignore} excludes, but always with the Dockerfile and {@code .dockerignore}
 * themselves (the daemon needs them even when they are listed).
 */
public final class BuildContext {
  private BuildContext() {}

  /**
   * Writes the context of {@code dir} to {@code out} and closes it. {@code dockerfile} is the
   * Dockerfile's path relative to {@code dir}. Returns the archived relative paths.
   */
  public static List<String> write(Path dir, String dockerfile, OutputStream out) throws IOException {
    return write(dir, dockerfile, java.util.Map.of(), out);
  }

  /** As {@link #write(Path, String, OutputStream)}, plus in-memory files (name to content). */
  public static List<String> write(Path dir, String dockerfile, java.util.Map<String, byte[]> extra,
      OutputStream out) throws IOException {
    DockerIgnore ignore = DockerIgnore.load(dir);
    List<String> names = new ArrayList<>();
    try (TarWriter tar = new TarWriter(out)) {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
          if (d.equals(dir)) {
            return FileVisitResult.CONTINUE;
          }
          String rel = rel(dir, d);
          if (ignore.ignored(rel)) {
            // an ignored directory may still hold re-included files ("!dir/keep")
            return ignore.hasExclusions() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }
          tar.add(d, rel);
          names.add(rel + "/");
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
          String rel = rel(dir, f);
          if (!ignore.ignored(rel) || rel.equals(dockerfile) || rel.equals(".dockerignore")) {
            tar.add(f, rel);
            names.add(rel);
          }
          return FileVisitResult.CONTINUE;
        }
      });
      for (var e : extra.entrySet()) {
        tar.addBytes(e.getKey(), e.getValue(), 0644);
        names.add(e.getKey());
      }
    }
    return names;
  }

  private static String rel(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }
}
