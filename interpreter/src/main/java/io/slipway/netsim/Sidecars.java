package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerOptions;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.RunLabels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The helper containers of one run: one per target, started with
 * {@code --network container:<target> --cap-add NET_ADMIN} (and {@code SYS_NICE}, so that the
 * delayer may raise its priority) and the run's labels plus
 * {@link #TARGET}, idle ({@code sleep}) so that each change is one {@code exec} (about 60 ms)
 * rather than a container start (about 300 ms). The delayer runs inside it. A helper lives as
 * long as the target has conditions: its presence is what {@code slipway gc} looks for after a
 * killed run ({@link NetsimSweep}).
 */
final class Sidecars {
  /** Label naming the container whose network namespace a helper shares. */
  static final String TARGET = "io.slipway.netsim.target";

  /** The output of one script. */
  record Result(int exitCode, String output) {}

  /**
   * The largest CPU weight (cgroup {@code cpu.shares}): a container is a cgroup of its own, so
   * on a busy machine the delayer (and the measuring ping) would wait behind every other runnable
   * task of the host however it is niced inside; with this weight their wake-ups come first and
   * releases stay on time.
   */
  private static final ContainerOptions PRIORITY = new ContainerOptions(null, null, null, false, false, null,
      List.of(), false, false, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(), null,
      null, null, null, null, 262_144L, null, null, Map.of(), null, null, List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

  private final SimHost host;
  private final Map<String, String> byTarget = new ConcurrentHashMap<>();
  private volatile String image;

  Sidecars(SimHost host) {
    this.host = host;
  }

  /** The helper image, built on first use. */
  synchronized String image() {
    if (image == null) {
      image = HelperImage.ensure(host.engine(), host.env(), host::say);
    }
    return image;
  }

  /** The helper of {@code t}, started on first use. */
  String of(Target t) {
    String img = image();
    return byTarget.computeIfAbsent(t.id(), id -> start(t, img));
  }

  /** The helper container of {@code targetId} (which has one). */
  String helperOf(String targetId) {
    return byTarget.get(targetId);
  }

  boolean has(String targetId) {
    return byTarget.containsKey(targetId);
  }

  private String start(Target t, String img) {
    ContainerEngine e = host.engine();
    Map<String, String> labels = new LinkedHashMap<>(host.labels().labels());
    labels.put(TARGET, t.id());
    String name = "slipway-net-" + host.labels().suffix() + "-" + t.id().substring(0, Math.min(12, t.id().length()));
    try {
      String id = e.createContainer(ContainerSpec.builder(img).name(name).labels(labels)
          .network("container:" + t.id()).capAdd("NET_ADMIN").capAdd("SYS_NICE").init(true)
          .command(List.of("/bin/sleep", "2147483647")).options(PRIORITY).build());
      e.startContainer(id);
      return id;
    } catch (EngineException ex) {
      throw new NetsimException("cannot start the network helper for `" + t.name() + "`: " + ex.getMessage());
    }
  }

  /** Runs {@code script} with {@code sh} in the helper of {@code t}. */
  Result run(Target t, String script) {
    return exec(of(t), script);
  }

  Result exec(String helper, String script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      code = host.engine().exec(helper, ExecSpec.of(List.of("/bin/sh", "-c", script)), (s, chunk) -> {
        synchronized (out) {
          out.write(chunk, 0, chunk.length);
        }
      });
    } catch (EngineException ex) {
      throw new NetsimException("cannot run the network helper: " + ex.getMessage());
    }
    synchronized (out) {
      return new Result(code, out.toString(StandardCharsets.UTF_8));
    }
  }

  /** Removes the helper of {@code targetId} (killing its delayers); missing is fine. */
  void remove(String targetId) {
    String id = byTarget.remove(targetId);
    if (id != null) {
      try {
        host.engine().removeContainer(id, true);
      } catch (EngineException ignored) {
        // labelled: slipway gc removes it
      }
    }
  }

  /** Every target with a helper. */
  java.util.Set<String> targets() {
    return java.util.Set.copyOf(byTarget.keySet());
  }

  /** The script that removes everything tagged with {@code runId} in a helper's namespace (gc, cleanup). */
  static String sweepScript(String runId) {
    return namespaceSweep(runId) + "\n" + processSweep();
  }

  /** Removes the run's tagged rules, chains, qdiscs and ifb devices from the namespace it runs in. */
  static String namespaceSweep(String runId) {
    String run8 = new RunLabels(runId, "", 0, "", "").suffix();
    String tag = "slipway:" + runId;
    return String.join("\n",
        "for chain in INPUT OUTPUT; do iptables -S $chain 2>/dev/null | grep -F -- '" + tag + "' | sed 's/^-A/-D/'"
            + " | while read -r r; do eval iptables $r; done; done",
        "iptables -t raw -S OUTPUT 2>/dev/null | grep -F -- '" + tag + "' | sed 's/^-A/-D/'"
            + " | while read -r r; do eval iptables -t raw $r; done",
        "iptables -t nat -S OUTPUT 2>/dev/null | grep -F -- '" + tag + "' | sed 's/^-A/-D/'"
            + " | while read -r r; do eval iptables -t nat $r; done",
        "for c in $(iptables -S 2>/dev/null | awk '$1==\"-N\" && $2 ~ /^SWO?-" + run8 + "-/ {print $2}'); do"
            + " iptables -F $c; iptables -X $c; done",
        "for c in $(iptables -t nat -S 2>/dev/null | awk '$1==\"-N\" && $2 ~ /^SWN-" + run8 + "-/ {print $2}'); do"
            + " iptables -t nat -F $c; iptables -t nat -X $c; done",
        // devices as the namespace's netlink lists them: /sys/class/net is the helper's own
        // mount, which shows the agent's namespace, not the one it entered
        "links=$(/usr/sbin/ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//')",
        "for d in $links; do",
        "  /usr/sbin/tc qdisc show dev $d 2>/dev/null | grep -q ' " + RuleScript.HANDLE + " root' && /usr/sbin/tc qdisc del dev $d root",
        "  /usr/sbin/tc filter show dev $d parent ffff: 2>/dev/null | grep -q 'sw" + run8 + "' && /usr/sbin/tc qdisc del dev $d ingress",
        "done",
        "for i in $(echo \"$links\" | grep '^sw" + run8 + "'); do /usr/sbin/ip link del $i; done",
        "true");
  }

  /**
   * Stops the delayers and proxies whose pid files are in the helper's {@code /tmp} and removes its
   * state files. A pid is only signalled while it still names one of the helper's programs (in
   * the agent's host PID namespace a stale pid could be anyone's).
   */
  static String processSweep() {
    return String.join("\n",
        "for f in /tmp/slipway-delayer-*.pid /tmp/slipway-proxy-*.pid; do [ -f \"$f\" ] && " + RuleScript.stop("$(cat $f)")
            + "; rm -f \"$f\"; done",
        "rm -f /tmp/slipway-tc-* /tmp/slipway-rules-*",
        "true");
  }

  /** Unused output lines of a failed script, trimmed for an error message. */
  static String tail(String output) {
    String s = output.strip();
    return s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
  }
}
