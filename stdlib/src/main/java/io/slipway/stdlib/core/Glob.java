package io.slipway.stdlib.core;

import io.slipway.glob.GlobPattern;
import io.slipway.glob.GlobSyntaxException;
import io.slipway.value.SlipException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Globbing relative to a directory in Slipway's one glob dialect ({@link GlobPattern}, shared
 * with {@code .dockerignore}), with the shell's rule that wildcards skip hidden names. The walk starts at the pattern's literal prefix directory and stops descending at the
 * pattern's depth unless it contains {@code **}.
 */
final class Glob {
  private Glob() {}

  static List<String> matches(Path base, String pattern) throws IOException {
    if (pattern.startsWith("/")) {
      throw SlipException.error("glob: pattern must be relative to build.dir, was `" + pattern + "`");
    }
    String[] segments = pattern.split("/+");
    int literal = 0;
    while (literal < segments.length - 1 && !hasMeta(segments[literal])) {
      literal++;
    }
    Path start = base;
    for (int i = 0; i < literal; i++) {
      start = start.resolve(segments[i]);
    }
    boolean deep = pattern.contains("**");
    int maxDepth = deep ? Integer.MAX_VALUE : segments.length - literal;
    Pattern re = toRegex(pattern);
    var out = new ArrayList<String>();
    if (!Files.isDirectory(start)) {
      return out;
    }
    Path root = start;
    // wildcards never match a leading dot, so hidden directories (.git, .slipway) can only
    // match when the pattern names a dot segment itself; otherwise they are not walked at all
    boolean dotSegments = pattern.startsWith(".") || pattern.contains("/.");
    Files.walkFileTree(start, java.util.Set.of(), maxDepth, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        if (!dotSegments && dir.getFileName().toString().startsWith(".")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        visit(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        visit(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }

      private void visit(Path p) {
        String rel = base.relativize(p).toString().replace('\\', '/');
        if (re.matcher(rel).matches()) {
          out.add(rel);
        }
      }
    });
    out.sort(null);
    return out;
  }

  private static boolean hasMeta(String s) {
    // an escaped character is not a literal path segment either: let the walk match it
    return GlobPattern.hasWildcards(s) || s.indexOf('\\') >= 0;
  }

  /** The shell's rules: wildcards never match a leading dot. */
  static Pattern toRegex(String glob) {
    try {
      return GlobPattern.compile(glob, true).regex();
    } catch (GlobSyntaxException e) {
      throw SlipException.error("glob: " + e.getMessage());
    }
  }
}
