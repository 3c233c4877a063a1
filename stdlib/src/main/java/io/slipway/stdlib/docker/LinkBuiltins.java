package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.netsim.Link;
import io.slipway.netsim.Target;
import io.slipway.stdlib.Library;
import io.slipway.value.Bandwidth;
import io.slipway.value.ByteSize;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code link(from, to, port) { latency(..); bandwidth(..); timeout(..); resetPeer(..);
 * slowClose(..); limitData(..) }} (spec §9): stream faults on one link, on any kernel, after
 * Toxiproxy's toxics. {@code from}'s TCP connections to {@code to:port} are redirected (iptables
 * REDIRECT in {@code from}'s namespace, so no other client and no other port is affected) to a
 * small proxy in {@code from}'s helper, which applies the faults; see {@link Link} and
 * {@link io.slipway.netsim.NetSim#link}.
 */
public final class LinkBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: network simulation");
    d.fn("link").param("from", "Container").param("to", "Container").param("port", "Int")
        .param("duration", "Duration?", null, "null").param("block", "LinkScope.() -> Unit").effects(Effect.DOCKER)
        .doc("""
            Routes `from`'s TCP connections to `to:port` through a fault-injecting proxy (any \
            kernel: an iptables REDIRECT in `from`'s namespace to a proxy in its helper, so only \
            this client, server and port are affected). The block sets the faults, after \
            Toxiproxy's toxics; data "downstream" is what `to` sends back. Replaces an earlier \
            link between the same containers and port; `fast(from)` or `heal()` on a network \
            removes it, as does the end of `duration`. Connections count from when `from` \
            connects to the proxy, which accepts at once (the real connect follows).""")
        .impl((cx, r, a) -> {
          ContainerValue from = (ContainerValue) a[0];
          ContainerValue to = (ContainerValue) a[1];
          int port = Calls.toInt(a[2]);
          Target[] ends = ends(cx, from, to);
          var scope = new LinkScopeValue(Link.to(to.name(), ends[1].ip(), port));
          cx.invokeWithReceiver(a[4], scope, List.of());
          return NetsimBuiltins.done(cx, dry -> NetsimCalls.sim(cx).link(ends[0], scope.link(), (Duration) a[3], dry));
        });
    toxic(d, "latency", "Delays the data `to` sends back by `delay` ± `jitter` (uniform), keeping its order.",
        (a, l) -> l.withLatency(micros(a[0]), micros(a[1])), "delay", "Duration", "jitter");
    toxic(d, "bandwidth", "Paces the data `to` sends back at `rate`.",
        (a, l) -> l.withRate(((Bandwidth) a[0]).bitsPerSecond()), "rate", "Bandwidth", null);
    toxic(d, "timeout", """
        Lets no data through, either way; each connection is closed `after` it was opened \
        (`0.seconds`: held open, silent, until the link is removed).""",
        (a, l) -> l.withTimeout(millis(a[0])), "after", "Duration", null);
    toxic(d, "resetPeer", "Resets each connection (TCP RST to `from`) `after` it was opened.",
        (a, l) -> l.withReset(millis(a[0])), "after", "Duration", null);
    toxic(d, "slowClose", "Delays `to`'s close of a connection by `delay` before `from` sees it.",
        (a, l) -> l.withSlowClose(millis(a[0])), "delay", "Duration", null);
    toxic(d, "limitData", "Closes each connection once `bytes` have come back from `to`.",
        (a, l) -> l.withLimit(((ByteSize) a[0]).bytes()), "bytes", "ByteSize", null);
  }

  private interface Edit {
    Link apply(Object[] args, Link l);
  }

  private static void toxic(Declarations d, String name, String doc, Edit edit, String param, String type,
      String jitter) {
    var m = d.method("LinkScope", name).param(param, type);
    if (jitter != null) {
      m = m.param(jitter, "Duration", Duration.ZERO, "0.ms");
    }
    m.doc(doc).impl((cx, r, a) -> {
      LinkScopeValue s = (LinkScopeValue) r;
      for (Object o : a) {
        if (o instanceof Duration du && du.isNegative() || o instanceof ByteSize b && b.bytes() < 0) {
          throw SlipException.engine("link " + name + ": " + param + " must not be negative");
        }
      }
      s.set(edit.apply(a, s.link()));
      return io.slipway.value.Unit.INSTANCE;
    });
  }

  private static long micros(Object d) {
    return ((Duration) d).toNanos() / 1000;
  }

  private static long millis(Object d) {
    return ((Duration) d).toMillis();
  }

  /** {@code from} and {@code to} on a network they share (the first one {@code from} is on). */
  private static Target[] ends(CallContext cx, ContainerValue from, ContainerValue to) {
    Map<String, String> a = ContainerMethods.info(cx, from).networks();
    Map<String, String> b = ContainerMethods.info(cx, to).networks();
    for (var e : a.entrySet()) {
      String ip = b.get(e.getKey());
      if (ip != null && !ip.isEmpty() && e.getValue() != null && !e.getValue().isEmpty()) {
        return new Target[] {new Target(from.id(), from.name(), e.getValue(), e.getKey()),
            new Target(to.id(), to.name(), ip, e.getKey())};
      }
    }
    throw SlipException.engine("containers `" + from.name() + "` and `" + to.name()
        + "` share no network: a link proxies connections between containers on one network");
  }
}
