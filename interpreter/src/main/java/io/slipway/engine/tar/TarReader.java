package io.slipway.engine.tar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts a tar stream (ustar, PAX and GNU long names) into a host directory, as
 * {@code docker cp} does for {@code copyFrom}. Entries that would land outside the target
 * (absolute names, {@code ..}) are rejected.
 */
public final class TarReader {
  private static final int BLOCK = 512;

  private TarReader() {}

  /**
   * Extracts every entry below {@code dest}, renaming the archive's first path component to
   * {@code rootName} when that is not null (copying {@code /app/report.xml} to {@code out/r.xml}).
   * Returns the extracted paths.
   */
  public static List<Path> extract(InputStream in, Path dest, String rootName) throws IOException {
    List<Path> written = new ArrayList<>();
    String longName = null;
    String longLink = null;
    byte[] h = new byte[BLOCK];
    while (readBlock(in, h)) {
      if (isZero(h)) {
        break;
      }
      String name = longName != null ? longName : name(h);
      String link = longLink != null ? longLink : string(h, 157, 100);
      longName = null;
      longLink = null;
      long size = Long.parseLong(string(h, 124, 12).trim().isEmpty() ? "0" : string(h, 124, 12).trim(), 8);
      int mode = (int) Long.parseLong(string(h, 100, 8).trim().isEmpty() ? "0" : string(h, 100, 8).trim(), 8);
      char type = (char) h[156];
      switch (type) {
        case 'x' -> {
          String pax = new String(readData(in, size), StandardCharsets.UTF_8);
          longName = paxValue(pax, "path");
          longLink = paxValue(pax, "linkpath");
          continue;
        }
        case 'L' -> {
          longName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
          continue;
        }
        case 'K' -> {
          longLink = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
          continue;
        }
        case 'g' -> {
          readData(in, size);
          continue;
        }
        default -> { }
      }
      Path target = resolve(dest, rename(name, rootName));
      switch (type) {
        case '5' -> Files.createDirectories(target);
        case '2' -> {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(link));
        }
        case '0', '\0', '7' -> {
          Files.createDirectories(target.getParent());
          Files.copy(new BoundedInput(in, size), target, StandardCopyOption.REPLACE_EXISTING);
          skipPadding(in, size);
          setMode(target, mode);
        }
        default -> readData(in, size);
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

  private static Path resolve(Path dest, String name) throws IOException {
    Path p = dest.resolve(name).normalize();
    if (!p.startsWith(dest.normalize()) || Path.of(name).isAbsolute()) {
      throw new IOException("tar entry outside the destination: " + name);
    }
    return p;
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

  private static String name(byte[] h) {
    String n = string(h, 0, 100);
    String prefix = string(h, 345, 155);
    if (string(h, 257, 5).equals("ustar") && !prefix.isEmpty()) {
      return prefix + "/" + n;
    }
    return n;
  }

  private static String paxValue(String pax, String key) {
    for (String line : pax.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith(key + "=", sp + 1)) {
        return line.substring(sp + 2 + key.length());
      }
    }
    return null;
  }

  private static String trimNul(String s) {
    int i = s.indexOf('\0');
    return i < 0 ? s : s.substring(0, i);
  }

  private static String string(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readBlock(InputStream in, byte[] h) throws IOException {
    int n = in.readNBytes(h, 0, BLOCK);
    return n == BLOCK;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    byte[] data = in.readNBytes((int) size);
    skipPadding(in, size);
    return data;
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    long rem = size % BLOCK;
    if (rem != 0) {
      in.readNBytes((int) (BLOCK - rem));
    }
  }

  /** Reads exactly {@code size} bytes of the underlying stream, then reports end of data. */
  private static final class BoundedInput extends InputStream {
    private final InputStream in;
    private long left;

    BoundedInput(InputStream in, long size) {
      this.in = in;
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
