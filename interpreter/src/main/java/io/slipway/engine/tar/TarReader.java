package io.slipway.engine.tar;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar stream (Apache commons-compress: ustar, PAX, GNU long names, base-256 sizes)
 * into a host directory, as {@code docker cp} does for {@code copyFrom}. Nothing is written
 * outside the destination: an entry whose name is absolute or climbs out with {@code ..}, a
 * hard link to such a name, and any entry whose parent directory resolves outside through a
 * symbolic link (one already there, or one written earlier by the same archive) is refused, and
 * the extraction stops with an {@link IOException} naming the entry. A truncated archive is an
 * error too. Devices and FIFOs are skipped.
 */
public final class TarReader {
  private TarReader() {}

  /**
   * Extracts every entry below {@code dest}, renaming the archive's first path component to
   * {@code rootName} when that is not null (copying {@code /app/report.xml} to {@code out/r.xml}).
   * Returns the extracted paths.
   */
  public static List<Path> extract(InputStream in, Path dest, String rootName) throws IOException {
    Path root = dest.toAbsolutePath().normalize();
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();
    List<Path> written = new ArrayList<>();
    // the caller owns (and closes) the stream
    var tar = new TarArchiveInputStream(new FilterInputStream(in) {
      @Override
      public void close() {}
    }, "UTF-8");
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      String name = rename(e.getName(), rootName);
      Path target = resolve(root, name);
      if (target.equals(root)) {
        continue; // the archive's "./"
      }
      insideThroughLinks(realRoot, target.getParent(), name);
      if (e.isDirectory()) {
        Files.createDirectories(target);
      } else if (e.isSymbolicLink()) {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        // a link may point anywhere: nothing is ever written through it (see above)
        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
      } else if (e.isLink()) {
        Path source = resolve(root, rename(e.getLinkName(), rootName));
        insideThroughLinks(realRoot, source.getParent(), e.getLinkName());
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Files.createLink(target, source);
      } else if (e.isFile()) {
        Files.createDirectories(target.getParent());
        if (Files.isSymbolicLink(target)) {
          Files.delete(target); // replace the link itself, never write through it
        }
        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        setMode(target, e.getMode());
      } else {
        continue;
      }
      written.add(target);
    }
    return written;
  }

  private static String rename(String name, String rootName) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    if (rootName == null) {
      return n;
    }
    int slash = n.indexOf('/');
    return slash < 0 ? rootName : rootName + n.substring(slash);
  }

  /** Where {@code name} lands, judged by its text: absolute names and {@code ..} are refused. */
  private static Path resolve(Path root, String name) throws IOException {
    if (name.startsWith("/") || Path.of(name).isAbsolute()) {
      throw new IOException("tar entry outside the destination: " + name);
    }
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root)) {
      throw new IOException("tar entry outside the destination: " + name);
    }
    return p;
  }

  /**
   * The deepest existing directory on the way to {@code dir}, with every symbolic link
   * followed, must still be inside the destination.
   */
  private static void insideThroughLinks(Path realRoot, Path dir, String name) throws IOException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException dangling) {
      throw new IOException("tar entry outside the destination (through a symbolic link): " + name);
    }
    if (!real.startsWith(realRoot)) {
      throw new IOException("tar entry outside the destination (through a symbolic link): " + name);
    }
  }

  private static void setMode(Path p, int mode) {
    try {
      var perms = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
      var all = java.nio.file.attribute.PosixFilePermission.values();
      for (int i = 0; i < 9; i++) {
        if ((mode & (1 << (8 - i))) != 0) {
          perms.add(all[i]);
        }
      }
      Files.setPosixFilePermissions(p, perms);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: permissions are not essential to the copy
    }
  }
}
