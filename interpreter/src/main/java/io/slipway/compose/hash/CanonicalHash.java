package io.slipway.compose.hash;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 of a value's content: records field by field (type and component names included),
 * maps in key order, collections in their order, strings length-prefixed and null distinct from
 * {@code "null"}, so two values hash alike exactly when they hold the same content, whatever the
 * maps' iteration order. Used for the labels by which a second {@code up} or {@code deploy} tells
 * an unchanged container or service from a changed one.
 */
public final class CanonicalHash {
  private CanonicalHash() {}

  /** The full hash (64 hex digits) of {@code parts}, in order. */
  public static String of(Object... parts) {
    return hex(32, parts);
  }

  /** The first {@code bytes} bytes of the hash of {@code parts}, as hex. */
  public static String hex(int bytes, Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      write(p, sb);
      sb.append('|');
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, Math.min(bytes, h.length));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The canonical text that is hashed (visible for tests). */
  static String text(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    switch (v) {
      case null -> sb.append('~');
      case Record r -> {
        sb.append(r.getClass().getSimpleName()).append('(');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          sb.append(c.getName()).append('=');
          try {
            write(c.getAccessor().invoke(r), sb);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          sb.append(';');
        }
        sb.append(')');
      }
      case Map<?, ?> m -> {
        TreeMap<String, Object> sorted = new TreeMap<>();
        m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
        sb.append('{');
        sorted.forEach((k, x) -> {
          write(k, sb);
          sb.append(':');
          write(x, sb);
          sb.append(',');
        });
        sb.append('}');
      }
      case Collection<?> c -> {
        sb.append('[');
        for (Object o : c) {
          write(o, sb);
          sb.append(',');
        }
        sb.append(']');
      }
      default -> {
        String s = String.valueOf(v);
        sb.append(s.length()).append(':').append(s);
      }
    }
  }
}
