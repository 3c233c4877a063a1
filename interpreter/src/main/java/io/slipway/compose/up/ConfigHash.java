package io.slipway.compose.up;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code com.docker.compose.config-hash} label: a SHA-256 of everything the container would
 * be created with (the spec without its per-replica name and labels) and of the image's id, so a
 * second {@code up} recreates a service exactly when its container would differ, or its image
 * was rebuilt. Maps are hashed in key order, so the hash does not depend on iteration order.
 */
final class ConfigHash {
  private ConfigHash() {}

  static String of(Object spec, String imageId) {
    StringBuilder sb = new StringBuilder();
    write(spec, sb);
    sb.append("|image=").append(imageId);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Object o, StringBuilder sb) {
    switch (o) {
      case null -> sb.append("null");
      case Record r -> {
        sb.append(r.getClass().getSimpleName()).append('{');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          sb.append(c.getName()).append('=');
          try {
            write(c.getAccessor().invoke(r), sb);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          sb.append(';');
        }
        sb.append('}');
      }
      case Map<?, ?> m -> {
        sb.append('{');
        new TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(
            e -> String.valueOf(e.getKey()), e -> (Object) (e.getValue() == null ? "\u0000" : e.getValue()))))
            .forEach((k, v) -> {
              sb.append(k.length()).append(':').append(k).append('=');
              write(v, sb);
              sb.append(',');
            });
        sb.append('}');
      }
      case List<?> l -> {
        sb.append('[');
        l.forEach(i -> {
          write(i, sb);
          sb.append(',');
        });
        sb.append(']');
      }
      case String s -> sb.append(s.length()).append(':').append(s);
      default -> sb.append(o);
    }
  }
}
