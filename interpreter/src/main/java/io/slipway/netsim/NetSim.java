package io.slipway.netsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Network simulation for one run (spec §9): keeps the active requests, folds them into each
 * slot's {@link Conditions}, and applies a change as a transaction. A change first becomes a
 * {@link Plan} (the exact commands per slot: remove what is there, add what is wanted); the
 * plan's scripts run concurrently — all in one exec of the run's {@link Agent}, which enters each
 * target's namespace itself, or, where the engine refuses it, one exec per target in its own
 * helper ({@link Sidecars}); if any fails, every slot of the plan
 * is put back as it was and the error names the failing command's output. Nothing is
 * half-applied. Applied changes are journaled ({@link NetJournal}); at the end of the run every
 * helper's namespace is swept of the run's tagged rules and the helpers are removed.
 */
public final class NetSim {
  private final SimHost host;
  /** Environment variable choosing how changes reach the namespaces: auto (default), agent, sidecar. */
  public static final String MODE = "SLIPWAY_NETSIM_HELPER";
  private final Sidecars sidecars;
  private final Agent agent;
  private Boolean useAgent;
  private final NetJournal journal;
  private final List<Request> active = new ArrayList<>();
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Map<String, Conditions> applied = new LinkedHashMap<>();
  private final Map<String, Measurement> observed = new ConcurrentHashMap<>();
  private long nextId = 1;
  private ScheduledExecutorService timer;
  private Capabilities capabilities;
  private boolean cleanupRegistered;
  private boolean ended;

  public NetSim(SimHost host) {
    this.host = host;
    this.sidecars = new Sidecars(host);
    this.agent = new Agent(host);
    this.journal = new NetJournal(host);
  }

  /** Where this simulation works (its engine, labels, journal name). */
  SimHost host() {
    return host;
  }

  /** The engine's probed capabilities (probing once). */
  public synchronized Capabilities capabilities() {
    if (capabilities == null) {
      capabilities = CapabilityProbe.of(host.engine(), sidecars.image(), host.labels().labels());
    }
    return capabilities;
  }

  /** The commands of one change per slot, in order. */
  public record Plan(Map<Target, String> scripts, List<String> notes) {
    /** The plan as printed by {@code net.plan}/dry run: one block per container. */
    public String text() {
      StringBuilder b = new StringBuilder();
      for (var e : scripts.entrySet()) {
        b.append("# ").append(e.getKey().name()).append(" (").append(e.getKey().ip()).append(" on ")
            .append(e.getKey().network()).append(")\n").append(e.getValue());
      }
      for (String n : notes) {
        b.append("# ").append(n).append('\n');
      }
      return b.toString();
    }
  }

  // ------------------------------------------------------------------ the calls

  /** {@code flaky}: drop {@code loss} of received packets, or every {@code every}th. */
  public Plan flaky(List<Target> ts, double loss, int every, Duration duration, boolean dryRun) {
    if (loss < 0 || loss > 1) {
      throw new NetsimException("loss must be between 0% and 100%, not " + Units.percent(loss));
    }
    if (every < 0 || every == 1 && loss == 0) {
      throw new NetsimException("every must be 2 or more (every = N drops one packet in N)");
    }
    Capabilities c = capabilities();
    need(c, every > 0 ? "statistic-nth" : "statistic-random", "packet loss",
        "`link { timeout(..); resetPeer(..) }` for stream faults");
    need(c, "comment", "tagging rules with the run id", "none: Slipway will not add untagged rules");
    return add(id -> new Request.Loss(id, ts, loss, every), duration, dryRun, List.of());
  }

  /** {@code slow}: delay every sent packet by {@code delay} ± {@code jitter}. */
  public Plan slow(List<Target> ts, Duration delay, Duration jitter, String backend, boolean strict,
      Duration duration, boolean dryRun) {
    if (delay.isNegative() || jitter.isNegative() || delay.isZero() && jitter.isZero()) {
      throw new NetsimException("slow needs a positive delay (and a jitter of 0 or more); a packet's delay "
          + "is drawn from delay ± jitter, never below 0");
    }
    Backend b = chooseDelayBackend(capabilities(), backend, strict);
    long d = delay.toNanos() / 1000;
    long j = jitter.toNanos() / 1000;
    String note = "slow " + String.join(",", ts.stream().map(Target::name).toList()) + ": " + b.fidelity(d, j);
    return add(id -> new Request.Delay(id, ts, d, j, b), duration, dryRun, List.of(note));
  }

  /** {@code limit}: cap sent bits per second ({@code ingressBps} > 0 also caps received). */
  public Plan limit(List<Target> ts, long egressBps, long ingressBps, Duration duration, boolean dryRun) {
    if (egressBps < 0 || ingressBps < 0 || egressBps == 0 && ingressBps == 0) {
      throw new NetsimException("limit needs a positive rate (or ingress rate)");
    }
    Capabilities c = capabilities();
    if (egressBps > 0) {
      need(c, "tbf", "egress rate limiting", "`link { bandwidth(..) }` (a proxy on one link)");
    }
    if (ingressBps > 0 && !c.ingressRate()) {
      throw new NetsimException("ingress rate limiting needs the ingress qdisc, ifb devices and the mirred "
          + "action, which this kernel (" + c.kernel() + ") lacks (" + c.summary() + "); alternatives: limit the "
          + "senders' egress (`limit(sender, rate)`), or `link { bandwidth(..) }`");
    }
    return add(id -> new Request.Rate(id, ts, egressBps, ingressBps), duration, dryRun, List.of());
  }

  /** {@code partition}: replaces the current partition (isolations stay). */
  public Plan partition(List<List<Target>> groups, boolean oneWay, Duration duration, boolean dryRun) {
    if (groups.size() < 2) {
      throw new NetsimException("partition needs at least two groups (got " + groups.size() + ")");
    }
    need(capabilities(), "comment", "tagging rules with the run id", "none");
    return change(list -> {
      List<Request> l = new ArrayList<>(list);
      l.removeIf(r -> r instanceof Request.Partition p && !p.isolation());
      l.add(new Request.Partition(nextId++, groups, oneWay, false));
      return l;
    }, duration, dryRun, List.of());
  }

  /** {@code isolate}: {@code t} and every container in {@code others} cannot exchange packets. */
  public Plan isolate(Target t, List<Target> others, Duration duration, boolean dryRun) {
    need(capabilities(), "comment", "tagging rules with the run id", "none");
    return add(id -> new Request.Partition(id, List.of(List.of(t), others), false, true), duration, dryRun, List.of());
  }

  /** {@code fast}: removes the loss, delay and rate conditions of these containers. */
  public Plan fast(List<Target> ts, boolean dryRun) {
    Set<String> ids = new java.util.HashSet<>(ts.stream().map(Target::id).toList());
    return change(list -> {
      List<Request> l = new ArrayList<>();
      for (Request r : list) {
        Request k = r.condition() ? r.without(ids) : r;
        if (k != null) {
          l.add(k);
        }
      }
      return l;
    }, null, dryRun, List.of());
  }

  /**
   * {@code link(from, to, port) { }}: {@code from}'s TCP connections to {@code link}'s address and
   * port go through a stream-fault proxy in {@code from}'s namespace (replacing an earlier link
   * from {@code from} to the same address and port).
   */
  public Plan link(Target from, Link link, Duration duration, boolean dryRun) {
    if (!link.hasFault()) {
      throw new NetsimException("link from `" + from.name() + "` to `" + link.toName() + "` port " + link.port()
          + " names no fault: add latency(..), bandwidth(..), timeout(..), resetPeer(..), slowClose(..) or limitData(..)");
    }
    if (link.port() < 1 || link.port() > 65535) {
      throw new NetsimException("port must be between 1 and 65535, not " + link.port());
    }
    Capabilities c = capabilities();
    need(c, "redirect", "a proxied link", "none: the proxy is wired in by an iptables REDIRECT in the client's namespace");
    need(c, "proxy", "a proxied link", "rebuild the helper image with gcc present (or from Dockerfile.helper)");
    need(c, "comment", "tagging rules with the run id", "none: Slipway will not add untagged rules");
    String note = "link " + from.name() + " -> " + link.toName() + ":" + link.port() + ": a TCP proxy in " + from.name()
        + "'s namespace (connections from " + from.name() + " only, per stream, data toward " + from.name() + " delayed/paced)";
    return add(id -> new Request.Proxied(id, from, link), duration, dryRun, List.of(note));
  }

  /** Removes the link from {@code from} to {@code toIp:port} (the REPL's {@code :net unlink}). */
  public Plan unlink(Target from, String toIp, int port, boolean dryRun) {
    return change(list -> list.stream().filter(r -> !(r instanceof Request.Proxied p
        && p.from().key().equals(from.key()) && p.link().toIp().equals(toIp) && p.link().port() == port)).toList(),
        null, dryRun, List.of());
  }

  /** {@code heal}: removes every condition and partition. */
  public Plan heal(boolean dryRun) {
    return change(list -> List.of(), null, dryRun, List.of());
  }

  // ------------------------------------------------------------------ queries

  /** What is requested of {@code t} now (folded), for status. */
  public synchronized Conditions conditionsOf(Target t) {
    return applied.getOrDefault(t.key(), Conditions.NONE);
  }

  /** The partition groups {@code t} is in ("1", "2,3") or "-". */
  public synchronized String partitionOf(Target t) {
    for (Request r : active) {
      if (r instanceof Request.Partition p && !p.isolation()) {
        String g = p.groupsOf(t);
        return g.isEmpty() ? "-" : g;
      }
    }
    return "-";
  }

  /** Fidelity of what {@code t} has: "nfqueue delayer" etc., or "-". */
  public synchronized String backendOf(Target t) {
    Conditions c = conditionsOf(t);
    List<String> l = new ArrayList<>();
    if (c.delayBackend() != null) {
      l.add(c.delayBackend() == Backend.NETEM ? "netem" : "nfqueue");
    }
    if (c.loss() > 0 || c.every() > 0 || !c.dropFrom().isEmpty()) {
      l.add("iptables");
    }
    if (c.egressBps() > 0 || c.ingressBps() > 0) {
      l.add(c.ingressBps() > 0 ? "tbf+ifb" : "tbf");
    }
    if (!c.links().isEmpty()) {
      l.add("proxy");
    }
    return l.isEmpty() ? "-" : String.join("+", l);
  }

  /** The descriptions of the active requests. */
  public synchronized List<String> requests() {
    return active.stream().map(Request::describe).toList();
  }

  /** Measures from one container to another ({@link Measure}); remembered for status. */
  public Measurement measure(Target from, Target to, int count) {
    synchronized (this) {
      registerCleanup();
    }
    Conditions c = conditionsOf(to);
    Conditions own = conditionsOf(from);
    long hint = Math.max(c.egressBps(), own.ingressBps());
    if (c.egressBps() > 0 && own.ingressBps() > 0) {
      hint = Math.min(c.egressBps(), own.ingressBps());
    }
    Measurement m = new Measure(sidecars).run(from, to, count, hint);
    observed.put(from.key(), m);
    return m;
  }

  /** The last measurement taken from {@code t}, or null. */
  public Measurement lastObservation(Target t) {
    return observed.get(t.key());
  }

  /**
   * A container restarted (chaos, {@code restart()}) got a new network namespace: its helper is
   * replaced and its conditions are applied again.
   */
  public synchronized void reattach(String containerId) {
    if (ended || !sidecars.has(containerId) && applied.keySet().stream().noneMatch(k -> k.startsWith(containerId + "@"))) {
      return;
    }
    // the agent finds the new namespace by itself; a sidecar shares the old one and is replaced
    sidecars.remove(containerId);
    Map<Target, Conditions> again = new LinkedHashMap<>();
    for (Target t : targets.values()) {
      if (t.id().equals(containerId)) {
        Conditions c = applied.remove(t.key());
        if (c != null && !c.isEmpty()) {
          again.put(t, c);
        }
      }
    }
    apply(again);
  }

  // ------------------------------------------------------------------ machinery

  private Plan add(java.util.function.LongFunction<Request> make, Duration duration, boolean dryRun,
      List<String> notes) {
    return change(list -> {
      List<Request> l = new ArrayList<>(list);
      l.add(make.apply(nextId++));
      return l;
    }, duration, dryRun, notes);
  }

  private static void need(Capabilities c, String feature, String what, String alternative) {
    if (!c.has(feature)) {
      throw new NetsimException(what + " needs the kernel feature `" + feature + "` ("
          + Capabilities.FEATURES.get(feature) + "), which this kernel (" + c.kernel()
          + ") lacks; alternative: " + alternative);
    }
  }

  static Backend chooseDelayBackend(Capabilities c, String backend, boolean strict) {
    String alternatives = "`link { latency(..) }` (a proxy on one link, any kernel)";
    switch (backend) {
      case "auto":
        if (c.has("netem")) {
          return Backend.NETEM;
        }
        if (strict) {
          throw new NetsimException("strict = true: latency needs `sch_netem`, which this kernel (" + c.kernel()
              + ") lacks; alternatives: backend = \"nfqueue\" (the NFQUEUE delayer: per packet, egress, may "
              + "reorder" + (c.delayer() ? "" : " — but NFQUEUE or the delayer is missing here too") + "), or " + alternatives);
        }
        if (c.delayer()) {
          return Backend.NFQUEUE;
        }
        throw new NetsimException("latency needs `sch_netem` or iptables NFQUEUE with the helper's delayer; this kernel ("
            + c.kernel() + ") has neither (" + c.summary() + "); alternative: " + alternatives);
      case "netem":
        if (!c.has("netem")) {
          throw new NetsimException("backend = \"netem\" needs `sch_netem`, which this kernel (" + c.kernel()
              + ") lacks; alternatives: backend = \"auto\" or \"nfqueue\" (the NFQUEUE delayer), or " + alternatives);
        }
        return Backend.NETEM;
      case "nfqueue", "portable":
        if (!c.delayer()) {
          throw new NetsimException("backend = \"" + backend + "\" needs iptables NFQUEUE and the helper's delayer ("
              + c.summary() + "); alternatives: backend = \"netem\" where present, or " + alternatives);
        }
        return Backend.NFQUEUE;
      default:
        throw new NetsimException("unknown backend \"" + backend + "\": use \"auto\", \"netem\" or \"nfqueue\"");
    }
  }

  private synchronized Plan change(UnaryOperator<List<Request>> edit, Duration duration, boolean dryRun,
      List<String> notes) {
    if (ended) {
      throw new NetsimException("the run has ended: its network conditions were removed");
    }
    long before = nextId;
    List<Request> next = edit.apply(List.copyOf(active));
    Map<String, Target> all = new LinkedHashMap<>(targets);
    for (Request r : next) {
      for (Target t : r.targets()) {
        all.putIfAbsent(t.key(), t);
      }
    }
    Map<Target, Conditions> wanted = new LinkedHashMap<>();
    Map<Target, String> scripts = new LinkedHashMap<>();
    for (Target t : all.values()) {
      Conditions c = Conditions.NONE;
      for (Request r : next) {
        c = r.fold(t, c);
      }
      if (!c.equals(applied.getOrDefault(t.key(), Conditions.NONE))) {
        wanted.put(t, c);
        scripts.put(t, script(t).script(c));
      }
    }
    Plan plan = new Plan(scripts, notes);
    if (dryRun) {
      nextId = before;
      return plan;
    }
    apply(wanted);
    for (Target t : all.values()) {
      targets.putIfAbsent(t.key(), t);
    }
    active.clear();
    active.addAll(next);
    if (duration != null && !duration.isZero() && nextId > before) {
      long id = nextId - 1;
      timer().schedule(() -> expire(id), duration.toMillis(), TimeUnit.MILLISECONDS);
    }
    return plan;
  }

  private RuleScript script(Target t) {
    int k = slots.computeIfAbsent(t.key(), x -> slots.size());
    return new RuleScript(host.labels().runId(), host.labels().suffix(), k, t.ip());
  }

  /** Runs every slot's script; on any failure puts every slot back as it was and throws. */
  private void apply(Map<Target, Conditions> wanted) {
    if (wanted.isEmpty()) {
      return;
    }
    registerCleanup();
    Map<Target, Conditions> previous = new LinkedHashMap<>();
    wanted.keySet().forEach(t -> previous.put(t, applied.getOrDefault(t.key(), Conditions.NONE)));
    Map<Target, String> failures = runAll(wanted);
    if (failures.isEmpty()) {
      wanted.forEach((t, c) -> {
        applied.put(t.key(), c);
        journal.applied(t, c);
      });
      return;
    }
    Map<Target, String> rollbackFailures = runAll(previous);
    StringBuilder b = new StringBuilder("could not apply the network change");
    failures.forEach((t, out) -> b.append("; on `").append(t.name()).append("`: ").append(out));
    b.append(rollbackFailures.isEmpty() ? " (every container was put back as it was)"
        : " (putting back failed on " + String.join(", ", rollbackFailures.keySet().stream().map(Target::name).toList())
            + ": run `slipway gc` after the run)");
    throw new NetsimException(b.toString());
  }

  /**
   * Runs the scripts of {@code wanted}, every container at once: one script per container (its
   * slots' scripts joined, each in a subshell so that one's {@code exit} names that slot), all in
   * one exec of the {@link Agent}, or one exec per container in its {@link Sidecars} helper.
   */
  private Map<Target, String> runAll(Map<Target, Conditions> wanted) {
    Map<Target, String> failures = new ConcurrentHashMap<>();
    Map<String, List<Target>> byContainer = new LinkedHashMap<>();
    wanted.keySet().forEach(t -> byContainer.computeIfAbsent(t.id(), x -> new ArrayList<>()).add(t));
    Map<String, String> scripts = new LinkedHashMap<>();
    synchronized (this) {
      byContainer.forEach((id, ts) -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ts.size(); i++) {
          b.append("(\n").append(script(ts.get(i)).script(wanted.get(ts.get(i)))).append(") || { r=$?; echo \"@slot ")
              .append(i).append("\" >&2; exit $r; }\n");
        }
        scripts.put(id, b.toString());
      });
    }
    java.util.function.BiConsumer<List<Target>, Sidecars.Result> check = (ts, r) -> {
      if (r.exitCode() != 0) {
        failures.put(failing(ts, r.output()), "exit " + r.exitCode() + ": " + Sidecars.tail(r.output()
            .replaceAll("(?m)^@slot \\d+\\s*$", "")));
      }
    };
    if (agent(byContainer.keySet().iterator().next())) {
      try {
        agent.run(scripts).forEach((id, r) -> check.accept(byContainer.get(id), r));
      } catch (NetsimException e) {
        wanted.keySet().forEach(t -> failures.put(t, e.getMessage()));
      }
      return failures;
    }
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      for (var e : byContainer.entrySet()) {
        fs.add(pool.submit(() -> {
          try {
            check.accept(e.getValue(), sidecars.run(e.getValue().get(0), scripts.get(e.getKey())));
          } catch (NetsimException ex) {
            e.getValue().forEach(t -> failures.put(t, ex.getMessage()));
          }
        }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new NetsimException("network change failed: " + e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new NetsimException("interrupted while changing the network");
        }
      }
    }
    return failures;
  }

  /**
   * Whether changes go through the {@link Agent} (decided once): {@code $SLIPWAY_NETSIM_HELPER}
   * {@code = agent} requires it, {@code sidecar} never uses it, {@code auto} (the default) uses it
   * when the engine accepts it and otherwise says why it falls back to one helper per container.
   */
  private synchronized boolean agent(String probeTarget) {
    if (useAgent == null) {
      String mode = host.env().getOrDefault(MODE, "auto").strip();
      switch (mode) {
        case "sidecar" -> useAgent = false;
        case "agent", "auto", "" -> {
          String refusal = agent.start(sidecars.image(), probeTarget);
          if (refusal != null && mode.equals("agent")) {
            throw new NetsimException(MODE + "=agent: " + refusal);
          }
          if (refusal != null) {
            host.say("network changes go through one helper per container: " + refusal);
          }
          useAgent = refusal == null;
        }
        default -> throw new NetsimException("unknown " + MODE + " \"" + mode + "\": use \"auto\", \"agent\" or \"sidecar\"");
      }
    }
    return useAgent;
  }

  /** How network changes reach the targets' namespaces: "agent" (one helper entering each) or "sidecar". */
  public synchronized String helperMode() {
    return useAgent == null ? "undecided" : useAgent ? "agent" : "sidecar";
  }

  /** The slot whose subshell failed, from the {@code @slot N} line of the output. */
  private static Target failing(List<Target> ts, String output) {
    var m = java.util.regex.Pattern.compile("(?m)^@slot (\\d+)").matcher(output);
    int i = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return ts.get(Math.min(i, ts.size() - 1));
  }

  private void expire(long id) {
    try {
      change(list -> list.stream().filter(r -> r.id() != id).toList(), null, false, List.of());
    } catch (NetsimException e) {
      host.say("could not remove an expired network condition: " + e.getMessage());
    }
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slipway-netsim-timer");
        t.setDaemon(true);
        return t;
      });
    }
    return timer;
  }

  private void registerCleanup() {
    if (cleanupRegistered || host.keep()) {
      return;
    }
    cleanupRegistered = true;
    host.onCleanup("remove network conditions", this::end);
  }

  /** Sweeps every helper's namespace of the run's rules and removes the helpers. */
  public void end() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    String sweep = Sidecars.sweepScript(host.labels().runId());
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      pool.submit(() -> agent.end(host.labels().runId()));
      for (String target : sidecars.targets()) {
        pool.submit(() -> {
          try {
            sidecars.exec(sidecars.helperOf(target), sweep);
          } catch (RuntimeException e) {
            // the target may be gone; its namespace went with it
          }
          sidecars.remove(target);
        });
      }
    }
    journal.close();
  }
}
