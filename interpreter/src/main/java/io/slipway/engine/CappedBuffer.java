package io.slipway.engine;

import java.nio.charset.StandardCharsets;

/**
 * The output of a command kept for its {@code stdout}/{@code stderr} value: everything up to
 * {@code cap} bytes, then only the last {@code cap} bytes (a ring), so a step printing gigabytes
 * costs at most {@code cap} bytes of memory. The whole output still streams to the log line by
 * line; {@link #text()} starts with a marker saying how much was dropped.
 *
 * <p>The cap is {@value #VARIABLE} megabytes (environment, or the system property
 * {@value #PROPERTY}), {@value #DEFAULT_MB} by default.
 */
public final class CappedBuffer {
  /** The environment variable setting the cap in megabytes. */
  public static final String VARIABLE = "SLIPWAY_OUTPUT_LIMIT_MB";
  /** The system property setting the cap in megabytes (wins over the variable). */
  public static final String PROPERTY = "slipway.output.limitMb";
  public static final int DEFAULT_MB = 16;

  private final int cap;
  private byte[] buf = new byte[256];
  private int head;
  private int size;
  private long total;

  public CappedBuffer(int cap) {
    this.cap = Math.max(1, cap);
  }

  /** A buffer with the configured cap. */
  public static CappedBuffer configured() {
    return new CappedBuffer(limitMb() * 1024 * 1024);
  }

  /** The configured cap in megabytes. */
  public static int limitMb() {
    String v = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    if (v != null) {
      try {
        int mb = Integer.parseInt(v.strip());
        if (mb > 0 && mb <= 1024) {
          return mb;
        }
      } catch (NumberFormatException ignored) {
        // the default below
      }
    }
    return DEFAULT_MB;
  }

  public synchronized void write(byte[] b) {
    write(b, 0, b.length);
  }

  public synchronized void write(byte[] b, int off, int n) {
    total += n;
    if (n >= cap) {
      buf = new byte[cap];
      System.arraycopy(b, off + n - cap, buf, 0, cap);
      head = 0;
      size = cap;
      return;
    }
    if (size + n > buf.length && buf.length < cap) {
      grow(Math.min(cap, Math.max(buf.length * 2, size + n)));
    }
    int len = buf.length;
    int pos = (head + size) % len;
    int first = Math.min(n, len - pos);
    System.arraycopy(b, off, buf, pos, first);
    System.arraycopy(b, off + first, buf, 0, n - first);
    int overflow = size + n - len;
    if (overflow > 0) {
      head = (head + overflow) % len;
      size = len;
    } else {
      size += n;
    }
  }

  private void grow(int newLength) {
    byte[] next = new byte[newLength];
    System.arraycopy(linear(), 0, next, 0, size);
    buf = next;
    head = 0;
  }

  private byte[] linear() {
    byte[] out = new byte[size];
    int first = Math.min(size, buf.length - head);
    System.arraycopy(buf, head, out, 0, first);
    System.arraycopy(buf, 0, out, first, size - first);
    return out;
  }

  /** Bytes written in all, kept or not. */
  public synchronized long total() {
    return total;
  }

  public synchronized boolean truncated() {
    return total > size;
  }

  /**
   * The kept text: all of it, or a marker line ({@code [output truncated at 16 MB: ...]})
   * followed by the last bytes, starting at a character boundary.
   */
  public synchronized String text() {
    byte[] kept = linear();
    if (!truncated()) {
      return new String(kept, StandardCharsets.UTF_8);
    }
    int from = 0;
    while (from < kept.length && (kept[from] & 0xC0) == 0x80) {
      from++; // not half a character
    }
    return marker(cap, total - kept.length + from)
        + new String(kept, from, kept.length - from, StandardCharsets.UTF_8);
  }

  /** The line that starts a truncated value. */
  static String marker(int cap, long dropped) {
    String size = cap % (1024 * 1024) == 0 ? cap / (1024 * 1024) + " MB" : cap + " bytes";
    return "[output truncated at " + size + ": the first " + dropped
        + " bytes are only in the log (" + VARIABLE + " sets the limit)]\n";
  }
}
