package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerOptions;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one network helper of a run that enters each target's network namespace itself, so that a
 * change across N containers costs one engine round trip (one {@code exec}) instead of N.
 *
 * <p>It is a container of the helper image in the host's PID namespace ({@code --pid host}), with
 * {@code SYS_ADMIN} (setns), {@code SYS_PTRACE} (open another process's namespace), {@code NET_ADMIN}
 * and {@code SYS_NICE}, on no network of its own. For each target it finds a process of the target
 * container by its cgroup (which names the container id; cached in {@code /tmp/slipway-pid-<id>},
 * re-checked each time), enters that process's network namespace with {@code nsenter --net=} and,
 * once inside, checks again that the process it entered through still belongs to the container and
 * shares the namespace it is in — so a reused PID or a restarted container is an error, never a
 * change to someone else's namespace. The slot scripts ({@link RuleScript}) are the same as in the
 * per-container helpers ({@link Sidecars}); their state files live in this helper's {@code /tmp},
 * keyed by slot as before, and delayers and proxies started from there run in the target's
 * namespace (they are this helper's processes: removing it kills them).
 *
 * <p>Engines that refuse such a helper (rootless, remote with user namespaces, policies) get
 * {@link Sidecars}: {@link #start()} says why, and {@link NetSim} falls back.
 */
final class Agent {
  /** Label marking the agent (its value is {@code true}); it carries the run's labels too. */
  static final String LABEL = "io.slipway.netsim.agent";
  /** Exit code of a slot script whose container could not be entered safely. */
  static final int NOT_ENTERED = 7;

  /** As {@link Sidecars}' priority, plus the host's PID namespace. */
  private static final ContainerOptions OPTIONS = new ContainerOptions(null, null, null, false, false, null,
      List.of(), false, false, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(), null,
      null, null, null, null, 262_144L, null, null, Map.of(), "host", null, List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

  /**
   * {@code ent ID} prints the PID of a process of container {@code ID}: the cached one if its cgroup
   * still names the container, else the first found by scanning {@code /proc}; {@code has PID ID}
   * tells whether a process's cgroup names the container (shell builtins only).
   */
  static final String FIND = String.join("\n",
      "has() { [ -r /proc/$1/cgroup ] || return 1; while read -r l; do case $l in *\"$2\"*) return 0;; esac; done < /proc/$1/cgroup; return 1; }",
      "ent() {",
      "  c=/tmp/slipway-pid-$1; p=",
      "  [ -f $c ] && read -r p < $c && { has \"$p\" $1 || p=; }",
      "  if [ -z \"$p\" ]; then p=$(grep -lF \"$1\" /proc/[0-9]*/cgroup 2>/dev/null | head -n 1); p=${p#/proc/}; p=${p%/cgroup}; fi",
      "  [ -n \"$p\" ] || { echo \"container $1 has no running process (stopped or removed)\" >&2; return " + NOT_ENTERED + "; }",
      "  echo $p > $c; echo $p",
      "}");

  private final SimHost host;
  private final AtomicLong batches = new AtomicLong();
  private String id;
  private String refusal;

  Agent(SimHost host) {
    this.host = host;
  }

  /**
   * Starts the agent (once) and checks that it can enter {@code probeTarget}'s namespace; returns
   * null when it can, else why not (the engine refused the options, or setns failed), having removed it.
   */
  synchronized String start(String image, String probeTarget) {
    if (id != null || refusal != null) {
      return refusal;
    }
    ContainerEngine e = host.engine();
    Map<String, String> labels = new LinkedHashMap<>(host.labels().labels());
    labels.put(LABEL, "true");
    String created = null;
    try {
      created = e.createContainer(ContainerSpec.builder(image).name("slipway-net-" + host.labels().suffix() + "-agent")
          .labels(labels).network("none").capAdd("NET_ADMIN").capAdd("SYS_ADMIN").capAdd("SYS_PTRACE")
          .capAdd("SYS_NICE").init(true).command(List.of("/bin/sleep", "2147483647")).options(OPTIONS).build());
      e.startContainer(created);
      // entering the first target's namespace (and nothing else) is the proof that the engine lets it
      Sidecars.Result r = new Sidecars(host).exec(created, FIND + "\np=$(ent " + probeTarget
          + " 2>&1) || { echo \"$p\"; exit 1; }; nsenter --net=/proc/$p/ns/net true 2>&1");
      if (r.exitCode() != 0) {
        refusal = "the helper cannot enter another network namespace (" + Sidecars.tail(r.output()) + ")";
      }
    } catch (EngineException | NetsimException ex) {
      refusal = "the engine refused a helper in the host's PID namespace with SYS_ADMIN (" + ex.getMessage() + ")";
    }
    if (refusal != null) {
      if (created != null) {
        remove(created);
      }
      return refusal;
    }
    id = created;
    return null;
  }

  synchronized String id() {
    return id;
  }

  /**
   * Runs each container's script in that container's network namespace, all at once, in one
   * exec; returns each container's exit code and output.
   */
  Map<String, Sidecars.Result> run(Map<String, String> scripts) {
    long n = batches.incrementAndGet();
    Sidecars.Result r = new Sidecars(host).exec(id(), batch(n, scripts));
    Map<String, Sidecars.Result> results = parse(r.output(), List.copyOf(scripts.keySet()));
    if (results.size() < scripts.size()) {
      throw new NetsimException("the network helper ended early (exit " + r.exitCode() + "): " + Sidecars.tail(r.output()));
    }
    return results;
  }

  /** The batch script: per container a file, entered in the background; then each result in order. */
  static String batch(long n, Map<String, String> scripts) {
    String d = "/tmp/slipway-x-" + n;
    StringBuilder b = new StringBuilder(FIND).append("\nmkdir -p ").append(d).append('\n');
    int i = 0;
    for (var e : scripts.entrySet()) {
      String cid = e.getKey();
      b.append("cat > ").append(d).append('/').append(i).append(" <<'SLIPWAY_EOF'\n")
          .append("p=$1\n").append(FIND.lines().findFirst().orElseThrow()).append('\n')
          // shell builtins only: under load every extra process costs a scheduling slice
          .append("[ /proc/self/ns/net -ef /proc/$p/ns/net ] && has $p ").append(cid).append(" || { echo \"container ").append(cid)
          .append(" was restarted or removed while its network namespace was entered\" >&2; exit ").append(NOT_ENTERED)
          .append("; }\n")
          .append(e.getValue()).append(e.getValue().endsWith("\n") ? "" : "\n").append("SLIPWAY_EOF\n")
          .append("( p=$(ent ").append(cid).append(") || exit ").append(NOT_ENTERED).append("; exec nsenter --net=/proc/$p/ns/net")
          .append(" /bin/sh ").append(d).append('/').append(i).append(" $p ) > ").append(d).append('/').append(i)
          .append(".out 2>&1 & j").append(i).append("=$!\n");
      i++;
    }
    for (int k = 0; k < i; k++) {
      b.append("wait $j").append(k).append("; c=$?; cat ").append(d).append('/').append(k).append(".out; echo; echo \"@@slipway-result ")
          .append(k).append(" $c\"\n");
    }
    b.append("rm -rf ").append(d).append('\n');
    return b.toString();
  }

  /** Splits the batch's output at its result lines. */
  static Map<String, Sidecars.Result> parse(String output, List<String> ids) {
    Map<String, Sidecars.Result> m = new LinkedHashMap<>();
    StringBuilder cur = new StringBuilder();
    for (String line : output.split("\n", -1)) {
      if (line.startsWith("@@slipway-result ")) {
        String[] p = line.split(" ");
        int k = Integer.parseInt(p[1]);
        String out = cur.toString();
        m.put(ids.get(k), new Sidecars.Result(Integer.parseInt(p[2].strip()), out.endsWith("\n\n") ? out.substring(0, out.length() - 1) : out));
        cur.setLength(0);
      } else {
        cur.append(line).append('\n');
      }
    }
    return m;
  }

  /** The sweep of a run's rules in every namespace the agent entered, then of its processes (cleanup, gc). */
  static String sweepScript(String runId) {
    return FIND + "\ncat > /tmp/slipway-sweep <<'SLIPWAY_EOF'\n" + Sidecars.namespaceSweep(runId) + "\nSLIPWAY_EOF\n"
        + "for c in /tmp/slipway-pid-*; do [ -f \"$c\" ] || continue; id=${c#/tmp/slipway-pid-};"
        + " ( p=$(ent $id 2>/dev/null) && nsenter --net=/proc/$p/ns/net /bin/sh /tmp/slipway-sweep ) & done; wait\n"
        + Sidecars.processSweep() + "\n";
  }

  /** Sweeps and removes the agent (end of run); failures are left to {@code slipway gc}. */
  void end(String runId) {
    String a = id();
    if (a == null) {
      return;
    }
    try {
      new Sidecars(host).exec(a, sweepScript(runId));
    } catch (RuntimeException e) {
      // removing the agent still kills its delayers and proxies; gc finds labelled leftovers
    }
    remove(a);
  }

  private void remove(String container) {
    try {
      host.engine().removeContainer(container, true);
    } catch (EngineException ignored) {
      // labelled: slipway gc removes it
    }
  }
}
