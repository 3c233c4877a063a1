package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@code git} global: commit and branch of the repository holding the pipeline's directory,
 * read from {@code .git} directly (no {@code git} executable needed, nothing to start). Handles
 * worktrees and submodules ({@code .git} files pointing elsewhere), loose and packed refs, and a
 * detached HEAD (branch null). Every field is null outside a repository or before the first commit.
 */
public record GitInfo(String commit, String branch) implements SlipObject {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  @Override
  public String typeName() {
    return "Git";
  }

  public String shortCommit() {
    return commit == null ? null : commit.substring(0, 7);
  }

  @Override
  public String toString() {
    return "Git(commit=" + commit + ", branch=" + branch + ")";
  }

  /** Reads the repository containing {@code dir}; empty fields when there is none or it is unreadable. */
  public static GitInfo of(Path dir) {
    try {
      Path gitDir = findGitDir(dir.toAbsolutePath().normalize());
      if (gitDir == null) {
        return new GitInfo(null, null);
      }
      Path common = gitDir;
      Path commonFile = gitDir.resolve("commondir");
      if (Files.isRegularFile(commonFile)) {
        common = gitDir.resolve(read(commonFile)).normalize();
      }
      String head = read(gitDir.resolve("HEAD"));
      if (head.startsWith("ref:")) {
        String ref = head.substring(4).trim();
        String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
        return new GitInfo(resolveRef(gitDir, common, ref), branch);
      }
      return new GitInfo(SHA.matcher(head).matches() ? head : null, null);
    } catch (IOException e) {
      return new GitInfo(null, null);
    }
  }

  private static Path findGitDir(Path dir) throws IOException {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path git = d.resolve(".git");
      if (Files.isDirectory(git)) {
        return git;
      }
      if (Files.isRegularFile(git)) {
        String text = read(git);
        if (text.startsWith("gitdir:")) {
          return d.resolve(text.substring(7).trim()).normalize();
        }
      }
    }
    return null;
  }

  private static String resolveRef(Path gitDir, Path common, String ref) throws IOException {
    for (Path base : new Path[] {gitDir, common}) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = read(loose);
        return SHA.matcher(sha).matches() ? sha : null;
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        int sp = line.indexOf(' ');
        if (sp > 0 && !line.startsWith("#") && !line.startsWith("^") && line.substring(sp + 1).equals(ref)) {
          return line.substring(0, sp);
        }
      }
    }
    return null;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8).trim();
  }
}
