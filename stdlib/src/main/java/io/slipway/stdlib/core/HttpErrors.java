package io.slipway.stdlib.core;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Plain reasons for the failures of Java's HTTP client, so that {@code http.get} fails with
 * "http GET http://db:8080/: connection refused" rather than the client's own text ("HTTP/1.1
 * header parser received no bytes", a class name, or nothing at all).
 */
public final class HttpErrors {
  private HttpErrors() {}

  /** A short lower-case reason for {@code e}, naming no Java class. */
  public static String reason(IOException e, String host) {
    if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
      return "unknown host `" + host + "`";
    }
    if (has(e, NoRouteToHostException.class)) {
      return "no route to host `" + host + "`";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    SSLException ssl = find(e, SSLException.class);
    if (ssl != null) {
      return "TLS handshake failed (is it an https server?)";
    }
    SocketException reset = find(e, SocketException.class);
    if (reset != null && String.valueOf(reset.getMessage()).toLowerCase(Locale.ROOT)
        .contains("reset")) {
      return "connection reset by the server";
    }
    if (has(e, EOFException.class) || String.valueOf(e.getMessage()).contains("received no bytes")) {
      return "the server closed the connection without answering";
    }
    ProtocolException bad = find(e, ProtocolException.class);
    if (bad != null) {
      return "the answer is not HTTP" + (bad.getMessage() == null ? ""
          : " (" + bad.getMessage().toLowerCase(Locale.ROOT) + ")");
    }
    if (reset != null) {
      return "connection failed";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "the request failed" : m;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
