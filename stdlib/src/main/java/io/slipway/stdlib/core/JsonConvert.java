package io.slipway.stdlib.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.value.JsonValue;
import io.slipway.value.Pair;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.SlipObject;
import io.slipway.value.Values;
import java.util.List;
import java.util.Map;

/** Between JSON text, Jackson trees and Slipway values. */
public final class JsonConvert {
  /** Thread-safe once configured; never reconfigured. */
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonConvert() {}

  /** Parses JSON text; bad input is a Slipway error naming line and column. */
  public static JsonValue parse(String text) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      try {
        JsonNode node = MAPPER.readTree(parser);
        if (node == null || node.isMissingNode()) {
          throw SlipException.error("invalid JSON: no content");
        }
        return JsonValue.of(node);
      } catch (StreamConstraintsException e) {
        // a limit carries no location of its own: where the parser stopped is where it was hit
        throw SlipException.error("invalid JSON" + where(parser.currentTokenLocation()) + ": "
            + limit(e) + " (the limit of json())");
      } catch (JsonProcessingException e) {
        throw SlipException.error("invalid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
      }
    } catch (java.io.IOException e) {
      throw SlipException.error("invalid JSON: " + e.getMessage());
    }
  }

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** Which of Jackson's read limits a document broke, in the user's terms. */
  private static String limit(StreamConstraintsException e) {
    var limits = StreamReadConstraints.defaults();
    String m = String.valueOf(e.getMessage());
    if (m.contains("nesting depth")) {
      return "nested deeper than " + limits.getMaxNestingDepth() + " levels";
    }
    if (m.contains("String value length")) {
      return "a string longer than " + limits.getMaxStringLength() + " characters";
    }
    if (m.contains("Number value length")) {
      return "a number longer than " + limits.getMaxNumberLength() + " digits";
    }
    if (m.contains("Name length")) {
      return "a key longer than " + limits.getMaxNameLength() + " characters";
    }
    return "a document beyond the parser's limits";
  }

  /** Compact JSON text of a Slipway value. */
  public static String stringify(Object value) {
    return toNode(value).toString();
  }

  /**
   * A Slipway value as JSON: numbers, strings, booleans, null, lists, pairs (as two-element
   * arrays), maps (keys as strings), Json; units and domain values as their printed text.
   * Secrets are refused: a Secret never leaves as text.
   */
  public static JsonNode toNode(Object v) {
    return toNode(v, 0);
  }

  /** As {@link #toNode(Object)}; {@code depth} counts enclosing arrays and objects. */
  private static JsonNode toNode(Object v, int depth) {
    int max = StreamReadConstraints.defaults().getMaxNestingDepth();
    if (depth > max) {
      // deeper than any JSON text Slipway (or Jackson's writer) would read or write again
      throw SlipException.error("toJson: the value is nested deeper than " + max
          + " levels (the limit of JSON documents)");
    }
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof JsonValue j) {
      if (j.isFunction()) {
        throw SlipException.error("a JavaScript function cannot be converted to JSON");
      }
      return j.isMissing() ? NODES.nullNode() : j.node();
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof SecretValue) {
      throw new SlipException("Error", "a Secret cannot be converted to JSON");
    }
    if (v instanceof List<?> list) {
      ArrayNode arr = NODES.arrayNode();
      list.forEach(e -> arr.add(toNode(e, depth + 1)));
      return arr;
    }
    if (v instanceof Pair p) {
      return NODES.arrayNode().add(toNode(p.first(), depth + 1)).add(toNode(p.second(), depth + 1));
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode obj = NODES.objectNode();
      map.forEach((k, e) -> obj.set(k instanceof String s ? s : Values.show(k), toNode(e, depth + 1)));
      return obj;
    }
    if (v instanceof SlipObject) {
      throw SlipException.error("a " + ((SlipObject) v).typeName() + " cannot be converted to JSON");
    }
    return NODES.textNode(Values.show(v));
  }

  /** JSON to plain Slipway values: objects to maps, arrays to lists, integers to Int. */
  public static Object toValue(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      var out = new java.util.ArrayList<Object>();
      n.forEach(e -> out.add(toValue(e)));
      return Colls.list(out);
    }
    var out = new java.util.LinkedHashMap<Object, Object>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), toValue(e.getValue())));
    return Colls.map(out);
  }

  /** Indented JSON text. */
  public static String pretty(JsonNode n) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
