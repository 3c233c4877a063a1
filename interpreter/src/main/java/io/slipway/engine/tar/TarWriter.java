package io.slipway.engine.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tar stream (Apache commons-compress): files, directories and symlinks, PAX headers
 * for long or non-ASCII names and link targets and for sizes past the ustar limit. Build
 * contexts, {@code copyTo} and agent workspaces go through it; the engine untars it.
 */
public final class TarWriter implements AutoCloseable {
  private final TarArchiveOutputStream tar;

  public TarWriter(OutputStream out) {
    this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
  }

  /** Adds a host file, directory or symlink under {@code name} (slash-separated, relative). */
  public void add(Path file, String name) throws IOException {
    FileTime mtime = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
    if (Files.isSymbolicLink(file)) {
      var e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(file).toString().replace('\\', '/'));
      e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE | 0777);
      e.setLastModifiedTime(mtime);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    } else if (Files.isDirectory(file)) {
      var e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
      e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode(file, 0755));
      e.setLastModifiedTime(mtime);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    } else {
      long size = Files.size(file);
      var e = new TarArchiveEntry(name);
      e.setSize(size);
      e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode(file, 0644));
      e.setLastModifiedTime(mtime);
      tar.putArchiveEntry(e);
      try (InputStream in = Files.newInputStream(file)) {
        long copied = in.transferTo(tar);
        if (copied != size) {
          throw new IOException("file changed while archiving: " + file);
        }
      }
      tar.closeArchiveEntry();
    }
  }

  /** Adds an in-memory file. */
  public void addBytes(String name, byte[] data, int mode) throws IOException {
    var e = new TarArchiveEntry(name);
    e.setSize(data.length);
    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
    e.setLastModifiedTime(FileTime.fromMillis(System.currentTimeMillis()));
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static int mode(Path f, int fallback) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
      int m = 0;
      for (PosixFilePermission p : perms) {
        m |= 1 << (8 - p.ordinal());
      }
      return m;
    } catch (IOException | UnsupportedOperationException e) {
      return fallback;
    }
  }

  /** Writes the blocks that end an archive and closes the stream. */
  @Override
  public void close() throws IOException {
    tar.finish();
    tar.close();
  }
}
