package io.slipway.engine.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a POSIX (ustar) tar stream: files, directories and symlinks, with PAX headers for names
 * longer than ustar allows. Enough for build contexts and {@code copyTo}; the engine untars it.
 */
public final class TarWriter implements AutoCloseable {
  private static final int BLOCK = 512;
  private final OutputStream out;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Adds a host file, directory or symlink under {@code name} (slash-separated, relative). */
  public void add(Path file, String name) throws IOException {
    if (Files.isSymbolicLink(file)) {
      header(name, 0, 0777, '2', Files.readSymbolicLink(file).toString().replace('\\', '/'),
          mtime(file));
    } else if (Files.isDirectory(file)) {
      header(name.endsWith("/") ? name : name + "/", 0, mode(file, 0755), '5', "", mtime(file));
    } else {
      long size = Files.size(file);
      header(name, size, mode(file, 0644), '0', "", mtime(file));
      try (InputStream in = Files.newInputStream(file)) {
        long copied = in.transferTo(out);
        if (copied != size) {
          throw new IOException("file changed while archiving: " + file);
        }
      }
      pad(size);
    }
  }

  /** Adds an in-memory file. */
  public void addBytes(String name, byte[] data, int mode) throws IOException {
    header(name, data.length, mode, '0', "", System.currentTimeMillis() / 1000);
    out.write(data);
    pad(data.length);
  }

  private static long mtime(Path f) throws IOException {
    return Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
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

  private void header(String name, long size, int mode, char type, String link, long mtime)
      throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100 || linkBytes.length > 100) {
      pax(name, link);
    }
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, nameBytes);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    h[156] = (byte) type;
    put(h, 157, 100, linkBytes);
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    checksum(h);
    out.write(h);
  }

  /** A PAX extended header carrying the full path and link target. */
  private void pax(String name, String link) throws IOException {
    var sb = new StringBuilder();
    sb.append(record("path", name));
    if (!link.isEmpty()) {
      sb.append(record("linkpath", link));
    }
    byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, "././@PaxHeader".getBytes(StandardCharsets.US_ASCII));
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, data.length);
    octal(h, 136, 12, 0);
    h[156] = 'x';
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    checksum(h);
    out.write(h);
    out.write(data);
    pad(data.length);
  }

  /** "len key=value\n" where len counts the whole record, itself included. */
  static String record(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + String.valueOf(body).length();
    if (String.valueOf(len).length() != String.valueOf(body).length()) {
      len++;
    }
    return len + " " + key + "=" + value + "\n";
  }

  private static void put(byte[] h, int off, int len, byte[] src) {
    System.arraycopy(src, 0, h, off, Math.min(len, src.length));
  }

  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    put(h, off, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
  }

  private static void checksum(byte[] h) {
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    String s = Long.toOctalString(sum);
    String padded = "0".repeat(Math.max(0, 6 - s.length())) + s;
    put(h, 148, 6, padded.getBytes(StandardCharsets.US_ASCII));
    h[154] = 0;
    h[155] = ' ';
  }

  private void pad(long size) throws IOException {
    long rem = size % BLOCK;
    if (rem != 0) {
      out.write(new byte[(int) (BLOCK - rem)]);
    }
  }

  /** Writes the two zero blocks that end an archive and closes the stream. */
  @Override
  public void close() throws IOException {
    out.write(new byte[BLOCK * 2]);
    out.close();
  }
}
