package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scalar kinds of compose keys. Where Compose converts an interpolated string to the key's
 * type ({@code replicas: "${N}"}), so does Slipway: an integer key accepts {@code "3"}, a boolean
 * key {@code "true"} and {@code "yes"}.
 */
final class Scalars {
  private Scalars() {}

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  static final Pattern DURATION =
      Pattern.compile("[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h))+|0");
  static final Pattern BYTES = Pattern.compile("(?i)(\\d+(\\.\\d+)?)\\s*([kmgtp]?b?|[kmgtp]i?b?)");
  private static final List<String> TRUE = List.of("y", "yes", "true", "on");
  private static final List<String> FALSE = List.of("n", "no", "false", "off");

  /** A string; numbers and booleans are rejected, as Compose rejects them. */
  static final Kind STRING = (n, path, cx) -> n instanceof YamlNode.Scalar s && s.isString()
      ? n : cx.wrongType(n, path, "a string");

  /** A string or a number, kept as written ({@code expose: [3000]}). */
  static final Kind STRING_OR_NUMBER = (n, path, cx) ->
      n instanceof YamlNode.Scalar s && (s.isString() || s.value() instanceof Long || s.value() instanceof Double)
          ? n : cx.wrongType(n, path, "a string or a number");

  static final Kind INT = (n, path, cx) -> {
    if (n instanceof YamlNode.Scalar s) {
      if (s.value() instanceof Long) {
        return n;
      }
      if (s.value() instanceof String t && INTEGER.matcher(t.strip()).matches()) {
        return new YamlNode.Scalar(Long.parseLong(t.strip().replace("+", "")), s.pos());
      }
    }
    return cx.wrongType(n, path, "an integer");
  };

  static final Kind BOOL = (n, path, cx) -> {
    if (n instanceof YamlNode.Scalar s) {
      if (s.value() instanceof Boolean) {
        return n;
      }
      if (s.value() instanceof String t) {
        String l = t.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(l) || FALSE.contains(l)) {
          return new YamlNode.Scalar(TRUE.contains(l), s.pos());
        }
      }
    }
    return cx.wrongType(n, path, "a boolean");
  };

  static final Kind NUMBER_KIND = (n, path, cx) -> {
    if (n instanceof YamlNode.Scalar s) {
      if (s.value() instanceof Long || s.value() instanceof Double) {
        return n;
      }
      if (s.value() instanceof String t && NUMBER.matcher(t.strip()).matches()) {
        return new YamlNode.Scalar(Double.parseDouble(t.strip()), s.pos());
      }
    }
    return cx.wrongType(n, path, "a number");
  };

  /** A Go-style duration: {@code 10s}, {@code 1m30s}, {@code 500ms}. */
  static final Kind DURATION_KIND = (n, path, cx) -> {
    if (!(n instanceof YamlNode.Scalar s) || !s.isString()) {
      return cx.wrongType(n, path, "a duration like `30s` or `1m30s`");
    }
    if (!DURATION.matcher(s.text().strip()).matches()) {
      return cx.error(Code.E0704, n.pos(), "`" + path + "`: `" + s.text() + "` is not a duration",
          "write it like `30s`, `1m30s` or `500ms`");
    }
    return n;
  };

  /** A byte size: a number of bytes or {@code 512m}, {@code 1g}, {@code 50M}. */
  static final Kind BYTES_KIND = (n, path, cx) -> {
    if (n instanceof YamlNode.Scalar s) {
      if (s.value() instanceof Long) {
        return n;
      }
      if (s.value() instanceof String t) {
        if (BYTES.matcher(t.strip()).matches()) {
          return n;
        }
        return cx.error(Code.E0704, n.pos(), "`" + path + "`: `" + t + "` is not a byte size",
            "write it like `512m`, `1g` or a number of bytes");
      }
    }
    return cx.wrongType(n, path, "a byte size like `512m`");
  };

  /** One of fixed strings. */
  static Kind oneOf(String... values) {
    List<String> allowed = List.of(values);
    return (n, path, cx) -> {
      if (!(n instanceof YamlNode.Scalar s) || !s.isString()) {
        return cx.wrongType(n, path, "a string");
      }
      if (!allowed.contains(s.text())) {
        return cx.error(Code.E0704, n.pos(), "`" + path + "`: `" + s.text() + "` is not one of "
            + String.join(", ", allowed.stream().map(v -> "`" + v + "`").toList()), null);
      }
      return n;
    };
  }
}
