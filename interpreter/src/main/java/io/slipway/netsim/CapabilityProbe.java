package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Probes an engine's kernel once: a throwaway helper container (own network namespace,
 * {@code NET_ADMIN}) tries each qdisc, device and iptables target on its loopback and a dummy
 * ifb, and prints {@code feature=yes|no}. The result is cached per engine address and helper
 * image for the life of the process (the kernel does not change under a running Slipway).
 */
public final class CapabilityProbe {
  private static final Map<String, Capabilities> CACHE = new ConcurrentHashMap<>();

  static final String SCRIPT = String.join("\n",
      "t() { if \"$@\" >/dev/null 2>&1; then echo yes; else echo no; fi; }",
      "echo kernel=$(uname -r)",
      "echo netem=$(t /usr/sbin/tc qdisc add dev lo root handle 1: netem delay 1ms); /usr/sbin/tc qdisc del dev lo root 2>/dev/null",
      "echo tbf=$(t /usr/sbin/tc qdisc add dev lo root handle 1: tbf rate 1mbit burst 32kbit latency 400ms); /usr/sbin/tc qdisc del dev lo root 2>/dev/null",
      "echo htb=$(t /usr/sbin/tc qdisc add dev lo root handle 1: htb default 1); /usr/sbin/tc qdisc del dev lo root 2>/dev/null",
      "echo ingress=$(t /usr/sbin/tc qdisc add dev lo handle ffff: ingress)",
      "echo ifb=$(t /usr/sbin/ip link add swprobe0 type ifb)",
      "echo mirred=$(t /usr/sbin/tc filter add dev lo parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev swprobe0)",
      "/usr/sbin/tc qdisc del dev lo ingress 2>/dev/null; /usr/sbin/ip link del swprobe0 2>/dev/null",
      "echo statistic-random=$(t iptables -A INPUT -m statistic --mode random --probability 0.5 -j ACCEPT)",
      "echo statistic-nth=$(t iptables -A INPUT -m statistic --mode nth --every 2 --packet 0 -j ACCEPT)",
      "echo comment=$(t iptables -A INPUT -m comment --comment probe -j ACCEPT)",
      "echo nfqueue=$(t iptables -A OUTPUT -o lo -p udp --dport 9 -j NFQUEUE --queue-num 9 --queue-bypass)",
      "if [ -x " + HelperImage.DELAYER + " ]; then " + HelperImage.DELAYER + " 9 1000 0 1 2>/dev/null & p=$!;"
          + " sleep 0.3; if kill -0 $p 2>/dev/null; then echo delayer=yes; kill $p; else echo delayer=no; fi;"
          + " else echo delayer=no; fi",
      "echo redirect=$(t iptables -t nat -A OUTPUT -d 192.0.2.1/32 -p tcp -m tcp --dport 9 -m mark ! --mark 0x5157 -j REDIRECT --to-ports 9)",
      "echo proxy=$(t test -x " + HelperImage.PROXY + ")",
      "iptables -F INPUT; iptables -F OUTPUT; iptables -t nat -F OUTPUT; true");

  private CapabilityProbe() {}

  /** The engine's capabilities, probing on first use. */
  public static Capabilities of(ContainerEngine engine, String helperImage, Map<String, String> labels) {
    return CACHE.computeIfAbsent(engine.address() + " " + helperImage, k -> probe(engine, helperImage, labels));
  }

  static Capabilities probe(ContainerEngine engine, String helperImage, Map<String, String> labels) {
    String id = null;
    try {
      id = engine.createContainer(ContainerSpec.builder(helperImage).labels(labels)
          .name("slipway-netprobe-" + Long.toHexString(System.nanoTime()))
          .command(List.of("/bin/sh", "-c", SCRIPT)).capAdd("NET_ADMIN").build());
      engine.startContainer(id);
      engine.waitContainer(id, Duration.ofSeconds(60));
      String out = engine.logs(id, -1).stream().filter(l -> l.stream() == LogLine.Stream.STDOUT)
          .map(LogLine::text).collect(Collectors.joining("\n"));
      return Capabilities.parse(out);
    } catch (EngineException e) {
      throw new NetsimException("cannot probe the engine's network features: " + e.getMessage());
    } finally {
      if (id != null) {
        try {
          engine.removeContainer(id, true);
        } catch (EngineException ignored) {
          // gc removes a labelled leftover
        }
      }
    }
  }
}
