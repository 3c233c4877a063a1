package io.slipway.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code Json} value: a JSON document node plus the path it was reached by ({@code $.items[3]}),
 * so that a wrong access names where it went wrong. A key absent from an object gives a
 * <em>missing</em> value (like a Kotlin map returning null) whose later use names the key; an
 * array index out of range fails at once, as a Kotlin list does.
 *
 * <p>A value returned by {@code js(...)} that is a JavaScript function holds the script's source
 * ({@link #jsFunctionSource()}) instead of a node: calling it re-evaluates the script in a fresh
 * sandbox, so no script context outlives its call.
 *
 * <p>Equality is structural and numeric ({@code 1} equals {@code 1.0}), as JSON has one number
 * type; the path is not part of equality.
 */
public final class JsonValue {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final JsonNode node;
  private final String path;
  private final String jsFunctionSource;

  private JsonValue(JsonNode node, String path, String jsFunctionSource) {
    this.node = node;
    this.path = path;
    this.jsFunctionSource = jsFunctionSource;
  }

  /** A document root ({@code $}). */
  public static JsonValue of(JsonNode node) {
    return new JsonValue(node, "$", null);
  }

  /** A JavaScript function, called by re-evaluating {@code source}. */
  public static JsonValue jsFunction(String source) {
    return new JsonValue(MissingNode.getInstance(), "$", source);
  }

  public JsonNode node() {
    return node;
  }

  public String path() {
    return path;
  }

  /** The source of the script whose value this function is, or null when not a function. */
  public String jsFunctionSource() {
    return jsFunctionSource;
  }

  public boolean isFunction() {
    return jsFunctionSource != null;
  }

  /** True for a key that was absent from its object. */
  public boolean isMissing() {
    return node.isMissingNode() && !isFunction();
  }

  /** True for JSON {@code null} and for a missing key. */
  public boolean isNull() {
    return isMissing() || node.isNull();
  }

  /** {@code json["key"]}: an object member; missing when absent. */
  public JsonValue get(String key) {
    String childPath = path + (SIMPLE_KEY.matcher(key).matches() ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]");
    if (!node.isObject()) {
      throw wrong("an object");
    }
    return new JsonValue(node.path(key), childPath, null);
  }

  /** {@code json[3]}: an array element; an index out of range is an error. */
  public JsonValue get(long index) {
    if (!node.isArray()) {
      throw wrong("an array");
    }
    if (index < 0 || index >= node.size()) {
      throw new SlipException("Error", path + "[" + index + "]: index out of range (size " + node.size() + ")");
    }
    return new JsonValue(node.get((int) index), path + "[" + index + "]", null);
  }

  public String asString() {
    if (!node.isTextual()) {
      throw wrong("a string");
    }
    return node.textValue();
  }

  public long asInt() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrong(node.isNumber() ? "an integer" : "a number");
    }
    return node.longValue();
  }

  public double asDouble() {
    if (!node.isNumber()) {
      throw wrong("a number");
    }
    return node.doubleValue();
  }

  public boolean asBool() {
    if (!node.isBoolean()) {
      throw wrong("a boolean");
    }
    return node.booleanValue();
  }

  /** The elements, each with its own path. */
  public List<Object> asList() {
    if (!node.isArray()) {
      throw wrong("an array");
    }
    var out = new ArrayList<Object>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonValue(node.get(i), path + "[" + i + "]", null));
    }
    return Collections.unmodifiableList(out);
  }

  /** The members in document order, each with its own path. */
  public Map<Object, Object> asMap() {
    if (!node.isObject()) {
      throw wrong("an object");
    }
    var out = new LinkedHashMap<Object, Object>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      out.put(k, get(k));
    }
    return Collections.unmodifiableMap(out);
  }

  /** What kind of JSON value this is, as error messages name it. */
  public String kind() {
    if (isFunction()) {
      return "function";
    }
    if (node.isMissingNode()) {
      return "nothing (no such key)";
    }
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> "null";
    };
  }

  /** {@code $.items[3].name: expected a string, found number}. */
  public SlipException wrong(String expected) {
    return new SlipException("Error", path + ": expected " + expected + ", found " + kind());
  }

  /** Compact JSON; a missing value prints as {@code null}. */
  @Override
  public String toString() {
    if (isFunction()) {
      return "<js function>";
    }
    return node.isMissingNode() ? "null" : node.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonValue other)) {
      return false;
    }
    if (isFunction() || other.isFunction()) {
      return jsFunctionSource != null && jsFunctionSource.equals(other.jsFunctionSource);
    }
    return node.equals(JsonValue::compareNodes, other.node);
  }

  private static int compareNodes(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  @Override
  public int hashCode() {
    return isFunction() ? jsFunctionSource.hashCode() : hash(node);
  }

  private static int hash(JsonNode n) {
    if (n.isNumber()) {
      return Double.hashCode(n.doubleValue());
    }
    if (n.isContainerNode()) {
      int h = n.isArray() ? 1 : 2;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        h += e.getKey().hashCode() ^ hash(e.getValue());
      }
      for (JsonNode child : n.isArray() ? n : List.<JsonNode>of()) {
        h = 31 * h + hash(child);
      }
      return h;
    }
    return n.hashCode();
  }
}
