package io.slipway.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} matcher with Docker's semantics (moby's patternmatcher): one pattern
 * per line, {@code #} comments, leading and trailing blanks and a leading {@code /} ignored, paths
 * cleaned; {@code *} and {@code ?} do not cross {@code /}, {@code **} matches any number of
 * directories (zero included), {@code [...]} classes and {@code \} escapes as Go's
 * {@code filepath.Match}; a pattern matching a directory also matches everything below it; a
 * leading {@code !} re-includes; the last matching line wins.
 */
public final class DockerIgnore {
  private record Rule(Pattern regex, int depth, boolean exclusion) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Nothing ignored. */
  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** The rules of {@code context/.dockerignore}, or none when the file is absent. */
  public static DockerIgnore load(Path context) throws IOException {
    Path f = context.resolve(".dockerignore");
    return Files.isRegularFile(f) ? parse(Files.readString(f)) : none();
  }

  public static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\\r?\\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclusion = line.startsWith("!");
      if (exclusion) {
        line = line.substring(1).strip();
      }
      String cleaned = clean(line);
      if (cleaned.isEmpty() || cleaned.equals(".")) {
        continue;
      }
      int depth = cleaned.split("/").length;
      rules.add(new Rule(Pattern.compile(toRegex(cleaned)), depth, exclusion));
    }
    return new DockerIgnore(rules);
  }

  /** True if {@code relPath} (slash-separated, relative to the context) is left out. */
  public boolean ignored(String relPath) {
    String path = clean(relPath);
    String[] parts = path.split("/");
    boolean matched = false;
    for (Rule r : rules) {
      boolean m = r.regex.matcher(path).matches();
      if (!m && parts.length > 1 && r.depth < parts.length) {
        // a pattern matching a parent directory covers everything below it
        String parent = String.join("/", java.util.Arrays.copyOf(parts, r.depth));
        m = r.regex.matcher(parent).matches();
      }
      if (m) {
        matched = !r.exclusion;
      }
    }
    return matched;
  }

  /** True if some rule re-includes paths, so an ignored directory must still be walked. */
  public boolean hasExclusions() {
    return rules.stream().anyMatch(Rule::exclusion);
  }

  /** Go's filepath.Clean on a slash path, plus dropping a leading "/". */
  static String clean(String p) {
    List<String> out = new ArrayList<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(part);
    }
    return out.isEmpty() ? "." : String.join("/", out);
  }

  /** moby patternmatcher's regexp translation. */
  static String toRegex(String pattern) {
    var sb = new StringBuilder("^");
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < n && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < n && pattern.charAt(i + 1) == '/') {
            i++;
          }
          if (i + 1 >= n) {
            sb.append(".*");
          } else {
            sb.append("(.*/)?");
          }
        } else {
          sb.append("[^/]*");
        }
      } else if (c == '?') {
        sb.append("[^/]");
      } else if (c == '\\') {
        if (i + 1 < n) {
          sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
        } else {
          sb.append("\\\\");
        }
      } else if (c == '[') {
        int close = pattern.indexOf(']', i + 1);
        if (close < 0) {
          sb.append("\\[");
        } else {
          // Go's classes negate with '^' only ("[!x]" is '!' or 'x'), as regex classes do
          String cls = pattern.substring(i + 1, close);
          sb.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
          i = close;
        }
      } else if (".+()|{}$^".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.append('$').toString();
  }
}
