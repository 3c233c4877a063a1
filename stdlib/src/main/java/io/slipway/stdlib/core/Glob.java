package io.slipway.stdlib.core;

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
 * Shell-style globbing relative to a directory. Java's {@code glob:} matcher treats {@code **}/
 * as one or more directories ({@code src/**}/{@code *.kt} would miss {@code src/A.kt}) and
 * matches hidden files, so patterns are translated here to regular expressions with the shell's
 * rules. The walk starts at the pattern's literal prefix directory and stops descending at the
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
    return s.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
  }

  /** {@code **}/ is zero or more directories; a segment's wildcards never match a leading dot. */
  static Pattern toRegex(String glob) {
    var re = new StringBuilder();
    int i = 0;
    boolean segmentStart = true;
    int braces = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("**", i)) {
        boolean slash = glob.startsWith("**/", i);
        re.append(slash ? "(?:(?!\\.)[^/]+/)*" : "(?:(?!\\.)[^/]+(?:/(?!\\.)[^/]+)*)?");
        i += slash ? 3 : 2;
        segmentStart = slash;
        continue;
      }
      switch (c) {
        case '*' -> re.append(segmentStart ? "(?!\\.)[^/]*" : "[^/]*");
        case '?' -> re.append(segmentStart ? "(?!\\.)[^/]" : "[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
            i = end;
          }
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      segmentStart = c == '/';
      i++;
    }
    if (braces > 0) {
      throw SlipException.error("glob: unclosed `{` in `" + glob + "`");
    }
    return Pattern.compile(re.toString());
  }
}
