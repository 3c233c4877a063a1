package io.slipway.run;

import io.slipway.value.SlipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for every builtin that names a host file or directory ({@code readFile},
 * {@code writeFile}, {@code appendFile}, {@code deleteFile}, {@code fileExists}, {@code glob},
 * build contexts, bind mounts, {@code copyTo}/{@code copyFrom}, exports and imports): a path is
 * relative to the pipeline's directory and must stay inside it, judged on the real path (a
 * {@code ..} or a symbolic link leading out is refused like an absolute path). Host paths
 * outside are an explicit opt-in of whoever runs the pipeline: {@code slipway run
 * --allow-host-path DIR} (repeatable) grants {@code DIR} and everything below it. A path holding
 * a NUL character, or otherwise not a path, is a Slipway error naming the builtin.
 */
public final class Workspace {
  private final Path dir;
  private final Path realDir;
  private final List<Path> hostPaths;

  /**
   * @param dir the pipeline directory
   * @param hostPaths directories outside it that builtins may use (the opt-in)
   */
  public Workspace(Path dir, List<Path> hostPaths) {
    this.dir = dir.toAbsolutePath().normalize();
    this.realDir = real(this.dir);
    var granted = new ArrayList<Path>();
    for (Path p : hostPaths) {
      granted.add(real(p.toAbsolutePath().normalize()));
    }
    this.hostPaths = List.copyOf(granted);
  }

  /** The run's workspace: the one the facade installed, else the pipeline directory alone. */
  public static Workspace of(Run run) {
    return run.service(Workspace.class, () -> new Workspace(run.dir(), List.of()));
  }

  /** The pipeline directory. */
  public Path dir() {
    return dir;
  }

  /** The directories outside the pipeline directory that were granted. */
  public List<Path> hostPaths() {
    return hostPaths;
  }

  /**
   * The absolute, normalized path {@code path} names for builtin {@code op}, or a Slipway error
   * when it is not a valid path or leads outside the pipeline directory without a grant.
   */
  public Path resolve(String op, String path) {
    return resolve(op, dir, path);
  }

  /** As {@link #resolve(String, String)}, with {@code path} relative to {@code base}. */
  public Path resolve(String op, Path base, String path) {
    if (path == null || path.isEmpty()) {
      throw SlipException.error(op + ": the path is empty");
    }
    if (path.indexOf('\0') >= 0) {
      throw SlipException.error(op + ": invalid path `" + path.replace("\0", "\\0")
          + "`: it contains a NUL character");
    }
    Path p;
    try {
      p = base.resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw SlipException.error(op + ": invalid path `" + path + "`: " + e.getReason());
    }
    if (allowed(real(p))) {
      return p;
    }
    throw SlipException.error(op + ": `" + path + "` is outside the pipeline directory (" + dir
        + "); files elsewhere on the host need `slipway run --allow-host-path DIR`");
  }

  /** True when {@code p} (absolute) lies inside the pipeline directory or a granted one. */
  public boolean allowed(Path realPath) {
    if (realPath.startsWith(realDir)) {
      return true;
    }
    for (Path h : hostPaths) {
      if (realPath.startsWith(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The real path of {@code p} (absolute, normalized): every symbolic link on the way resolved,
   * including a dangling one (writing through it would create its target) and those below a
   * part that does not exist yet.
   */
  static Path real(Path p) {
    return real(p, new int[] {40});
  }

  private static Path real(Path p, int[] hops) {
    Path cur = p.getRoot();
    if (cur == null) {
      return p;
    }
    for (Path name : p) {
      String n = name.toString();
      if (n.equals(".")) {
        continue;
      }
      if (n.equals("..")) {
        // cur is real already, so its parent is the physical parent, as the kernel walks it
        cur = cur.getParent() == null ? cur : cur.getParent();
        continue;
      }
      Path next = cur.resolve(name);
      if (Files.isSymbolicLink(next) && hops[0]-- > 0) {
        try {
          next = real(cur.resolve(Files.readSymbolicLink(next)), hops);
        } catch (IOException e) {
          return next;
        }
      }
      cur = next;
    }
    return cur;
  }
}
