package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;
import java.util.Map;

/**
 * A received HTTP response: {@code HttpResponse} in Slipway. Header names are lower case;
 * {@code request} ({@code GET http://..}) names the request in error messages.
 */
public record HttpResponseValue(String request, long status, String body, Map<Object, Object> headers)
    implements SlipObject {
  @Override
  public String typeName() {
    return "HttpResponse";
  }

  @Override
  public String toString() {
    return "HttpResponse(status=" + status + ", " + body.length() + " chars)";
  }
}
