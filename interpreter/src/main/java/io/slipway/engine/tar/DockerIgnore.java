package io.slipway.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.slipway.glob.GlobPattern;
import io.slipway.glob.GlobSyntaxException;

/**
 * A {@code .dockerignore} matcher with Docker's semantics (moby's patternmatcher): one pattern
 * per line, {@code #} comments, leading and trailing blanks and a leading {@code /} ignored, paths
 * cleaned; a pattern matching a directory also matches everything below it; a leading {@code !}
 * re-includes; the last matching line wins. Patterns are Slipway's one glob dialect
 * ({@link GlobPattern}, shared with {@code glob()}), with wildcards matching hidden names as
 * Docker's do. Where Go's {@code filepath.Match} would guess ({@code [[]}, a trailing {@code \},
 * {@code [!]}), the file is rejected with its line instead of being read differently.
 */
public final class DockerIgnore {
  private record Rule(GlobPattern regex, int depth, boolean exclusion) {}

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
    // InvalidIgnoreFile is an IOException, so callers that only copy contexts need no new path
    Path f = context.resolve(".dockerignore");
    return Files.isRegularFile(f) ? parse(Files.readString(f)) : none();
  }

  /** Parses the text of a {@code .dockerignore}; a bad pattern names its line. */
  public static DockerIgnore parse(String text) throws InvalidIgnoreFile {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\\r?\\n");
    for (int n = 0; n < lines.length; n++) {
      String raw = lines[n];
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
      try {
        rules.add(new Rule(GlobPattern.compile(cleaned, false), depth, exclusion));
      } catch (GlobSyntaxException e) {
        throw new InvalidIgnoreFile(n + 1, e.getMessage());
      }
    }
    return new DockerIgnore(rules);
  }

  /** True if {@code relPath} (slash-separated, relative to the context) is left out. */
  public boolean ignored(String relPath) {
    String path = clean(relPath);
    String[] parts = path.split("/");
    boolean matched = false;
    for (Rule r : rules) {
      boolean m = r.regex.matches(path);
      if (!m && parts.length > 1 && r.depth < parts.length) {
        // a pattern matching a parent directory covers everything below it
        String parent = String.join("/", java.util.Arrays.copyOf(parts, r.depth));
        m = r.regex.matches(parent);
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

  /** A {@code .dockerignore} line that is not a valid pattern. */
  public static final class InvalidIgnoreFile extends IOException {
    private final int line;
    private final String reason;

    InvalidIgnoreFile(int line, String reason) {
      super(".dockerignore line " + line + ": " + reason);
      this.line = line;
      this.reason = reason;
    }

    /** 1-based line number in the file. */
    public int line() {
      return line;
    }

    /** What is wrong with the pattern on that line. */
    public String reason() {
      return reason;
    }
  }
}
