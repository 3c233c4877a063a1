package io.slipway.compose.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document as Slipway reads it: scalars, mappings and sequences, each with its
 * {@link Pos}. Anchors, aliases and merge keys ({@code <<}) are already resolved. This is the
 * only form in which YAML leaves this package, so nothing outside it sees snakeyaml.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  Pos pos();

  /** "a string", "a number", "a mapping", ... for error messages. */
  String describe();

  /**
   * A scalar. {@code value} is a {@code String}, {@code Long}, {@code Double}, {@code Boolean},
   * {@code java.math.BigInteger} or null, resolved with YAML 1.1's rules as docker-compose's
   * PyYAML does (so {@code yes} is true and an unquoted {@code 8080:80} is a base-60 number).
   */
  record Scalar(Object value, Pos pos) implements YamlNode {
    public boolean isNull() {
      return value == null;
    }

    public boolean isString() {
      return value instanceof String;
    }

    /** The value as text: strings as they are, numbers and booleans as YAML writes them. */
    public String text() {
      if (value == null) {
        return "";
      }
      if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
        return String.valueOf(d);
      }
      return String.valueOf(value);
    }

    @Override
    public String describe() {
      return switch (value) {
        case null -> "null";
        case String s -> "a string";
        case Boolean b -> "a boolean";
        case Double d -> "a number";
        default -> "a number";
      };
    }
  }

  /** One {@code key: value} of a mapping; the key is a scalar (its text is the key). */
  record Entry(Scalar key, YamlNode value) {
    public String name() {
      return key.text();
    }
  }

  /** A mapping, entries in file order, keys unique (a later duplicate replaced the earlier). */
  record Mapping(List<Entry> entries, Pos pos) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    /** The value under {@code key}, or null. */
    public YamlNode get(String key) {
      for (Entry e : entries) {
        if (e.name().equals(key)) {
          return e.value();
        }
      }
      return null;
    }

    public Entry entry(String key) {
      for (Entry e : entries) {
        if (e.name().equals(key)) {
          return e;
        }
      }
      return null;
    }

    public boolean has(String key) {
      return entry(key) != null;
    }

    public List<String> keys() {
      List<String> out = new ArrayList<>();
      for (Entry e : entries) {
        out.add(e.name());
      }
      return out;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, Pos pos) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
