package io.slipway.js;

/** What a script evaluated to. */
public sealed interface JsResult {
  /** A value as compact JSON text ({@code undefined} arrives as {@code null}). */
  record Json(String text) implements JsResult {}

  /** A function; it is called by evaluating the script again ({@link JsRunner#call}). */
  record Function() implements JsResult {}
}
