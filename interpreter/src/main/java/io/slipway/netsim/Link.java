package io.slipway.netsim;

import java.util.ArrayList;
import java.util.List;

/**
 * One proxied link ({@code link(from, to, port) { }}): the client's TCP connections to
 * {@code toIp:port} are redirected to a {@code slipway-proxy} in its network namespace, which
 * applies these stream faults after Toxiproxy's toxics. "Downstream" is data from {@code to} back
 * to the client (Toxiproxy's default stream). -1 disables a fault; for {@code timeoutMs} 0 means
 * the connection is held open, silent, and never closed.
 *
 * @param toName the server's name, for status and plans
 * @param latencyUs downstream delay per chunk (plus {@code jitterUs} uniform either way)
 * @param rateBps downstream bits per second, 0 for unlimited
 * @param timeoutMs no data passes either way; the connection is closed this long after it opened
 * @param resetMs the client gets a TCP reset this long after the connection opened
 * @param slowCloseMs the server's close reaches the client this much later
 * @param limitBytes the connection is closed after this many bytes downstream
 */
public record Link(String toName, String toIp, int port, long latencyUs, long jitterUs, long rateBps,
    long timeoutMs, long resetMs, long slowCloseMs, long limitBytes) {
  /** A link with no fault yet. */
  public static Link to(String toName, String toIp, int port) {
    return new Link(toName, toIp, port, 0, 0, 0, -1, -1, -1, -1);
  }

  public Link withLatency(long us, long jitter) {
    return new Link(toName, toIp, port, us, jitter, rateBps, timeoutMs, resetMs, slowCloseMs, limitBytes);
  }

  public Link withRate(long bps) {
    return new Link(toName, toIp, port, latencyUs, jitterUs, bps, timeoutMs, resetMs, slowCloseMs, limitBytes);
  }

  public Link withTimeout(long ms) {
    return new Link(toName, toIp, port, latencyUs, jitterUs, rateBps, ms, resetMs, slowCloseMs, limitBytes);
  }

  public Link withReset(long ms) {
    return new Link(toName, toIp, port, latencyUs, jitterUs, rateBps, timeoutMs, ms, slowCloseMs, limitBytes);
  }

  public Link withSlowClose(long ms) {
    return new Link(toName, toIp, port, latencyUs, jitterUs, rateBps, timeoutMs, resetMs, ms, limitBytes);
  }

  public Link withLimit(long bytes) {
    return new Link(toName, toIp, port, latencyUs, jitterUs, rateBps, timeoutMs, resetMs, slowCloseMs, bytes);
  }

  /** Whether any fault is set (a link without one is refused: it would only cost a proxy). */
  public boolean hasFault() {
    return latencyUs > 0 || jitterUs > 0 || rateBps > 0 || timeoutMs >= 0 || resetMs >= 0 || slowCloseMs >= 0
        || limitBytes >= 0;
  }

  /** The proxy's arguments after the program name (the seed last). */
  List<String> args(long seed) {
    return List.of(toIp, String.valueOf(port), RuleScript.PROXY_MARK, String.valueOf(latencyUs),
        String.valueOf(jitterUs), String.valueOf(rateBps), String.valueOf(timeoutMs), String.valueOf(resetMs),
        String.valueOf(slowCloseMs), String.valueOf(limitBytes), String.valueOf(seed));
  }

  /** {@code link server:80 (latency 200ms±20ms, rate 64kbit, reset after 1s)}. */
  public String describe() {
    List<String> l = new ArrayList<>();
    if (latencyUs > 0 || jitterUs > 0) {
      l.add("latency " + Units.micros(latencyUs) + (jitterUs > 0 ? "±" + Units.micros(jitterUs) : ""));
    }
    if (rateBps > 0) {
      l.add("bandwidth " + Units.bits(rateBps));
    }
    if (timeoutMs >= 0) {
      l.add(timeoutMs == 0 ? "timeout (held open)" : "timeout " + Units.micros(timeoutMs * 1000));
    }
    if (resetMs >= 0) {
      l.add("reset after " + Units.micros(resetMs * 1000));
    }
    if (slowCloseMs >= 0) {
      l.add("slow close " + Units.micros(slowCloseMs * 1000));
    }
    if (limitBytes >= 0) {
      l.add("limit " + limitBytes + " bytes");
    }
    return "link " + toName + ":" + port + " (" + String.join(", ", l) + ")";
  }
}
