package io.slipway.check;

import io.slipway.builtin.BuiltinImpl;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Declarations;

/**
 * A small standard library for checker unit tests, declared with the same {@link Declarations}
 * API as the real one (the real one lives in the stdlib module, which depends on this one).
 */
final class TestRegistry {
  private TestRegistry() {}

  private static final BuiltinImpl NONE = (cx, r, a) -> null;

  static BuiltinRegistry create() {
    var d = new Declarations(new BuiltinRegistry());
    d.type("Any", "any", Object.class);
    d.type("Nothing", "nothing", null);
    d.type("Unit", "unit", null, "Any");
    for (String t : new String[] {"Int", "Double", "Bool", "String", "Duration", "Percent", "Bandwidth",
        "ByteSize", "Secret", "Json", "ExecResult", "Build", "Image", "PipelineScope", "StageScope",
        "ParallelScope", "MatrixScope", "PostScope", "Error"}) {
      d.type(t, t, null, "Any");
    }
    d.type("List<T>", "list", null, "Any");
    d.type("MutableList<T>", "mutable list", null, "List");
    d.type("Map<K, V>", "map", null, "Any");
    d.type("MutableMap<K, V>", "mutable map", null, "Map");
    d.type("Pair<A, B>", "pair", null, "Any");
    d.type("StepFailed", "step failed", null, "Error");
    d.type("Timeout", "timeout", null, "Error");

    d.fn("listOf").typeParams("T").vararg("elements", "T").returns("List<T>").doc("d").impl(NONE);
    d.fn("mutableListOf").typeParams("T").vararg("elements", "T").returns("MutableList<T>").doc("d").impl(NONE);
    d.fn("mapOf").typeParams("K", "V").vararg("pairs", "Pair<K, V>").returns("Map<K, V>").doc("d").impl(NONE);
    d.fn("mutableMapOf").typeParams("K", "V").vararg("pairs", "Pair<K, V>").returns("MutableMap<K, V>").doc("d").impl(NONE);
    d.method("List<T>", "map").typeParams("R").param("transform", "(T) -> R").returns("List<R>").doc("d").impl(NONE);
    d.method("List<T>", "filter").param("predicate", "(T) -> Bool").returns("List<T>").doc("d").impl(NONE);
    d.method("List<T>", "forEach").param("action", "(T) -> Unit").doc("d").impl(NONE);
    d.method("List<T>", "first").param("predicate", "((T) -> Bool)?", null, "null").returns("T").doc("d").impl(NONE);
    d.method("List<T>", "firstOrNull").returns("T?").doc("d").impl(NONE);
    d.method("List<T>", "joinToString").param("separator", "String", ", ", "\", \"").returns("String").doc("d").impl(NONE);
    d.method("List<T?>", "filterNotNull").returns("List<T>").doc("d").impl(NONE);
    d.property("List<T>", "size").type("Int").doc("d").get((cx, r) -> null);
    d.method("MutableList<T>", "add").param("element", "T").returns("Bool").doc("d").impl(NONE);
    d.method("Map<K, V>", "getOrDefault").param("key", "K").param("defaultValue", "V").returns("V").doc("d").impl(NONE);
    d.property("Map<K, V>", "keys").type("List<K>").doc("d").get((cx, r) -> null);
    d.property("Pair<A, B>", "first").type("A").doc("d").get((cx, r) -> null);
    d.property("Pair<A, B>", "second").type("B").doc("d").get((cx, r) -> null);
    d.method("Any", "toString").returns("String").doc("d").impl(NONE);
    d.method("String", "trim").returns("String").doc("d").impl(NONE);
    d.method("String", "uppercase").returns("String").doc("d").impl(NONE);
    d.method("String", "lowercase").returns("String").doc("d").impl(NONE);
    d.method("String", "toInt").returns("Int").doc("d").impl(NONE);
    d.method("String", "startsWith").param("prefix", "String").returns("Bool").doc("d").impl(NONE);
    d.property("String", "length").type("Int").doc("d").get((cx, r) -> null);
    d.method("Int", "until").param("end", "Int").returns("List<Int>").doc("d").impl(NONE);
    for (String u : new String[] {"ms", "seconds", "minutes", "hours"}) {
      d.property("Int", u).type("Duration").doc("d").get((cx, r) -> null);
    }
    d.property("Int", "percent").type("Percent").doc("d").get((cx, r) -> null);
    d.property("Int", "kbit").type("Bandwidth").doc("d").get((cx, r) -> null);
    d.property("Int", "mb").type("ByteSize").doc("d").get((cx, r) -> null);
    d.property("Error", "message").type("String").doc("d").get((cx, r) -> null);
    d.property("StepFailed", "result").type("ExecResult").doc("d").get((cx, r) -> null);
    d.property("ExecResult", "stdout").type("String").doc("d").get((cx, r) -> null);
    d.property("ExecResult", "exitCode").type("Int").doc("d").get((cx, r) -> null);
    d.property(null, "build").type("Build").doc("d").get((cx, r) -> null);
    d.property("Build", "tag").type("String").doc("d").get((cx, r) -> null);
    d.property("Build", "number").type("Int").doc("d").get((cx, r) -> null);

    d.fn("echo").param("message", "Any").doc("d").impl(NONE);
    d.fn("error").param("message", "String").returns("Nothing").doc("d").impl(NONE);
    d.fn("assert").param("condition", "Bool").param("message", "String", "assertion failed", "\"\"").doc("d").impl(NONE);
    d.fn("retry").typeParams("T").param("times", "Int").param("block", "() -> T").returns("T").doc("d").impl(NONE);
    d.fn("timeout").typeParams("T").param("duration", "Duration").param("block", "() -> T").returns("T").doc("d").impl(NONE);
    d.fn("sleep").param("duration", "Duration").doc("d").impl(NONE);
    d.fn("withEnv").typeParams("T").vararg("vars", "Pair<String, String | Secret>").param("block", "() -> T")
        .returns("T").doc("d").impl(NONE);
    d.fn("sh").param("command", "String | List<String>").param("check", "Bool", true, "true")
        .param("quiet", "Bool", false, "false").param("env", "Map<String, String | Secret>", null, "mapOf()")
        .returns("ExecResult").doc("d").impl(NONE);
    d.fn("secret").param("name", "String").returns("Secret").doc("d").impl(NONE);
    d.fn("image").param("ref", "String").returns("Image").doc("d").impl(NONE);
    d.fn("login").param("user", "String").param("password", "Secret").doc("d").impl(NONE);
    d.fn("json").param("text", "String").returns("Json").doc("d").impl(NONE);

    d.fn("pipeline").param("name", "String").param("block", "PipelineScope.() -> Unit").doc("d").impl(NONE);
    for (String scope : new String[] {"PipelineScope", "ParallelScope", "MatrixScope"}) {
      d.method(scope, "stage").param("name", "String").param("needs", "List<String>", null, "listOf()")
          .param("onlyIf", "Bool", true, "true").param("block", "StageScope.() -> Unit").doc("d").impl(NONE);
    }
    d.method("PipelineScope", "parallel").param("failFast", "Bool", true, "true")
        .param("block", "ParallelScope.() -> Unit").doc("d").impl(NONE);
    d.method("PipelineScope", "matrix").vararg("axes", "Pair<String, List<String>>")
        .param("block", "MatrixScope.() -> Unit").doc("d").impl(NONE);
    d.method("PipelineScope", "post").param("block", "PostScope.() -> Unit").doc("d").impl(NONE);
    for (String p : new String[] {"always", "success", "failure"}) {
      d.method("PostScope", p).param("block", "() -> Unit").doc("d").impl(NONE);
    }
    for (String scope : new String[] {"PipelineScope", "StageScope"}) {
      d.method(scope, "agent").param("image", "String | Image").doc("d").impl(NONE);
      d.method(scope, "env").vararg("vars", "Pair<String, String | Secret>").doc("d").impl(NONE);
      d.method(scope, "options").param("timeout", "Duration?", null, "null").param("retries", "Int", 0L, "0")
          .param("failFast", "Bool", true, "true").doc("d").impl(NONE);
    }
    // overloads, resolved by the call's arguments (OverloadsTest)
    d.fn("pick").param("count", "Int").param("label", "String", "", "\"\"").returns("String").doc("d").impl(NONE);
    d.fn("pick").typeParams("R").param("block", "() -> R").returns("R").doc("d").impl(NONE);
    d.fn("pick").param("name", "String").param("flag", "Bool").returns("Bool").doc("d").impl(NONE);
    d.method("String?", "orEmpty").returns("String").doc("d").impl(NONE);
    return d.registry().freeze();
  }
}
