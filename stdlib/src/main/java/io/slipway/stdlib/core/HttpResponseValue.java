package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;
import java.util.Map;

/** A received HTTP response: {@code HttpResponse} in Slipway. Header names are lower case. */
public record HttpResponseValue(long status, String body, Map<Object, Object> headers) implements SlipObject {
  @Override
  public String typeName() {
    return "HttpResponse";
  }

  @Override
  public String toString() {
    return "HttpResponse(status=" + status + ", " + body.length() + " chars)";
  }
}
