package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.JsonValue;
import io.slipway.value.SlipException;

/**
 * {@code Json}: parsing, dynamic access with paths, conversion. Indexing ({@code j["k"]},
 * {@code j[0]}) is the {@code get} method.
 */
public final class JsonLib implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("JSON");
    d.fn("json").param("text", "String").returns("Json")
        .doc("Parses JSON text; invalid JSON is an error naming line and column.")
        .impl((cx, r, a) -> JsonConvert.parse((String) a[0]));
    d.fn("toJson").param("value", "Any?").returns("Json")
        .doc("A value as JSON: maps become objects, lists and pairs arrays; durations and other units their printed text. A `Secret` is refused.")
        .impl((cx, r, a) -> JsonValue.of(JsonConvert.toNode(a[0])));
    d.method("Json", "get").param("key", "String | Int").returns("Json")
        .doc("`j[\"name\"]` on an object (a missing key gives a null-like value that remembers its path) or `j[3]` on an array (out of range is an error).")
        .impl((cx, r, a) -> a[0] instanceof Long i ? j(r).get(i) : j(r).get((String) a[0]));
    d.method("Json", "has").param("key", "String").returns("Bool")
        .doc("True when the value is an object with `key`.")
        .impl((cx, r, a) -> j(r).node().isObject() && j(r).node().has((String) a[0]));
    d.property("Json", "size").type("Int").doc("The number of elements of an array or members of an object; other values are an error.")
        .get((cx, r) -> {
          if (!j(r).node().isContainerNode()) {
            throw j(r).wrong("an array or an object");
          }
          return (long) j(r).node().size();
        });
    d.property("Json", "path").type("String").doc("Where this value is in its document: `$.items[3].name`.")
        .get((cx, r) -> j(r).path());
    d.method("Json", "asString").returns("String").doc("The string; any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asString());
    d.method("Json", "asInt").returns("Int").doc("The integer; any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asInt());
    d.method("Json", "asDouble").returns("Double").doc("The number (integers too); any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asDouble());
    d.method("Json", "asBool").returns("Bool").doc("The boolean; any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asBool());
    d.method("Json", "asList").returns("List<Json>").doc("The elements of an array; any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asList());
    d.method("Json", "asMap").returns("Map<String, Json>").doc("The members of an object in document order; any other JSON value is an error naming the path.")
        .impl((cx, r, a) -> j(r).asMap());
    d.method("Json", "asStringOrNull").returns("String?").doc("The string, or null for JSON null or a missing key; other values are an error.")
        .impl((cx, r, a) -> j(r).isNull() ? null : j(r).asString());
    d.method("Json", "asIntOrNull").returns("Int?").doc("The integer, or null for JSON null or a missing key; other values are an error.")
        .impl((cx, r, a) -> j(r).isNull() ? null : j(r).asInt());
    d.method("Json", "isNull").returns("Bool").doc("True for JSON `null` and for a missing key.")
        .impl((cx, r, a) -> j(r).isNull());
    d.method("Json", "toValue").returns("Any?")
        .doc("The value as plain Slipway values: objects become `Map<String, Any?>`, arrays lists, integers `Int`.")
        .impl((cx, r, a) -> {
          if (j(r).isFunction()) {
            throw SlipException.error("a JavaScript function has no plain value; call it with `.call(..)`");
          }
          return JsonConvert.toValue(j(r).node());
        });
    d.method("Json", "toPrettyString").returns("String").doc("Indented JSON text; `toString()` is compact.")
        .impl((cx, r, a) -> j(r).isFunction() ? j(r).toString() : JsonConvert.pretty(JsonConvert.toNode(r)));
  }

  private static JsonValue j(Object o) {
    return (JsonValue) o;
  }
}
