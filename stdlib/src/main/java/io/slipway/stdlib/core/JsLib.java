package io.slipway.stdlib.core;

import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.js.JsResult;
import io.slipway.js.JsRunner;
import io.slipway.stdlib.Library;
import io.slipway.value.JsonValue;
import io.slipway.value.SlipException;
import java.time.Duration;

/**
 * {@code js(..)}: JavaScript through {@link JsRunner}. The engine is created on the first
 * script, never when the library is declared, checked or a pipeline without scripts runs.
 */
public final class JsLib implements Library {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private JsRunner runner;

  private synchronized JsRunner runner() {
    if (runner == null) {
      try {
        runner = JsRunner.sandboxed();
      } catch (RuntimeException | LinkageError e) {
        // a broken installation (missing GraalVM jars) is a clear run-time error, not a crash
        throw SlipException.error("js: the JavaScript engine is not available: " + e.getMessage());
      }
    }
    return runner;
  }

  /** True once a script has run and the engine is loaded (for tests of laziness). */
  synchronized boolean engineLoaded() {
    return runner != null;
  }

  @Override
  public void declare(Declarations d) {
    d.category("Scripts");
    d.fn("js").param("code", "String").param("timeout", "Duration", DEFAULT_TIMEOUT, "5.seconds")
        .returns("Json").effects(Effect.JS)
        .doc("Evaluates a JavaScript expression in a sandbox (no host access, no I/O, a time limit) and returns its value as `Json`: "
            + "`js(\"\"\"[1,2,3].map(x => x * 2)\"\"\")`. When the value is a function, call it with `.call(..)`: "
            + "`js(\"(a, b) => a + b\").call(1, 2)`. A JavaScript error is a run-time error with its message and script line. "
            + "Scripts run in a worker process whose heap is capped (`SLIPWAY_JS_MEMORY`, default 256m): a script that runs out of "
            + "memory, one over 100,000,000 statements and one over its time limit each fail with their own message.")
        .impl((cx, r, a) -> toJson((String) a[0], runner().eval((String) a[0], (Duration) a[1])));
    d.method("Json", "call").vararg("args", "Any?").returns("Json").effects(Effect.JS)
        .doc("Calls a JavaScript function returned by `js(..)` with the arguments converted to JSON; its result as `Json`. "
            + "Each call runs in a fresh sandbox with a 5-second limit.")
        .impl((cx, r, a) -> {
          var fn = (JsonValue) r;
          if (!fn.isFunction()) {
            throw fn.wrong("a JavaScript function");
          }
          String args = JsonConvert.stringify(a[0]);
          return toJson(fn.jsFunctionSource(), runner().call(fn.jsFunctionSource(), args, DEFAULT_TIMEOUT));
        });
  }

  private static JsonValue toJson(String code, JsResult result) {
    return switch (result) {
      case JsResult.Function f -> JsonValue.jsFunction(code);
      case JsResult.Json j -> JsonConvert.parse(j.text());
    };
  }
}
