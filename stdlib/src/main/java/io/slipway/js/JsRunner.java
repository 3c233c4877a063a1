package io.slipway.js;

import java.time.Duration;

/**
 * Runs JavaScript snippets in a sandbox. Values cross as JSON text only, so no host object ever
 * reaches a script. Failures (a JavaScript exception, a syntax error, the time or statement limit)
 * are thrown as {@code io.slipway.value.SlipException}s whose message names the script line.
 */
public interface JsRunner {
  /** Evaluates {@code code}; the value as JSON, or {@link JsResult.Function} when it is a function. */
  JsResult eval(String code, Duration timeout);

  /** Evaluates {@code code}, which must give a function, and calls it with the JSON array {@code argsJson}. */
  JsResult call(String code, String argsJson, Duration timeout);

  /**
   * The sandboxed GraalVM implementation, in worker processes with a capped heap
   * ({@code SLIPWAY_JS_MEMORY}); a worker starts on the first script, so call this only then.
   */
  static JsRunner sandboxed() {
    return new ProcessJsRunner(ProcessJsRunner.configuredMemory());
  }
}
