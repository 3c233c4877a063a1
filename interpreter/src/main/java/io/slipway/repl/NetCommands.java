package io.slipway.repl;

import io.slipway.diag.Code;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.RunLabels;
import io.slipway.netsim.Link;
import io.slipway.netsim.Measurement;
import io.slipway.netsim.NetSim;
import io.slipway.netsim.NetsimException;
import io.slipway.netsim.RunSimHost;
import io.slipway.netsim.Target;
import io.slipway.repl.NetCommand.Name;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code :net} commands over the session's containers. There is no second implementation:
 * each command calls the {@link NetSim} of the containers' run — the run-scoped service the
 * Slipfile's {@code net.slow(...)} builtins use too (whichever asks first creates it) — so what
 * {@code :net} applies is planned, applied as a transaction, journaled and tagged exactly as a
 * builtin call is, and removed when that run is cleaned up ({@code :run}, {@code :reset},
 * {@code :quit}) with its containers; {@code slipway gc} sweeps it after a crash.
 *
 * <p>Containers are named as the Slipfile named them; the network is the one they share (or
 * {@code net=NAME}), named as the Slipfile named it. Only the default engine's containers take
 * part: one on another engine ({@code on(engine) { }}) is refused by name and left out of
 * {@code :net status}.
 */
final class NetCommands {
  private final Containers containers;
  private final Function<String, Run> runOf;
  private final Supplier<List<Run>> runs;
  private final EventSink events;

  /**
   * @param runOf the live run with the given id, or null
   * @param runs the session's live runs (its top level's and the pipeline's current one)
   * @param events where the simulation says what it does (building its helper image)
   */
  NetCommands(Containers containers, Function<String, Run> runOf, Supplier<List<Run>> runs,
      EventSink events) {
    this.containers = containers;
    this.runOf = runOf;
    this.runs = runs;
    this.events = events;
  }

  /** A mistake in the command: its diagnostic, the offending word underlined. */
  private static final class Located extends RuntimeException {
    Located(String message) {
      super(message, null, false, false);
    }
  }

  /** The containers of one command, on one network, with their run's simulation. */
  private record Resolved(Run run, NetSim sim, Map<String, Target> targets, String network) {
    List<Target> of(List<Name> names) {
      return names.stream().map(n -> targets.get(n.text())).toList();
    }
  }

  ReplResponse handle(ReplRequest.Net r) {
    String line = r.line();
    try {
      return switch (r.command()) {
        case NetCommand.Status s -> status(line, s.network());
        case NetCommand.Measure m -> {
          Resolved x = resolve(line, List.of(m.from(), m.to()), m.network());
          Target from = x.targets().get(m.from().text());
          Target to = x.targets().get(m.to().text());
          Measurement result = x.sim().measure(from, to, m.count());
          yield new ReplResponse.Output(from.name() + " -> " + to.name() + " on " + x.network() + ": "
              + result.describe() + "\n");
        }
        case NetCommand.Plan p -> change(line, p.change(), true);
        default -> change(line, r.command(), false);
      };
    } catch (Located e) {
      return new ReplResponse.Failure(e.getMessage());
    } catch (NetsimException e) {
      return new ReplResponse.Failure("network simulation: " + e.getMessage() + "\n");
    }
  }

  /** Applies a change, or with {@code dry} shows the commands it would run. */
  private ReplResponse change(String line, NetCommand command, boolean dry) {
    return switch (command) {
      case NetCommand.Heal h -> heal(dry);
      case NetCommand.Slow s -> {
        Resolved x = resolve(line, s.containers(), s.network());
        yield done(x, x.sim().slow(x.of(s.containers()), s.delay(), s.jitter(), s.backend(), s.strict(),
            s.duration(), dry), s.duration(), dry);
      }
      case NetCommand.Flaky f -> {
        Resolved x = resolve(line, f.containers(), f.network());
        yield done(x, x.sim().flaky(x.of(f.containers()), f.loss(), f.every(), f.duration(), dry),
            f.duration(), dry);
      }
      case NetCommand.Limit l -> {
        Resolved x = resolve(line, l.containers(), l.network());
        yield done(x, x.sim().limit(x.of(l.containers()), l.rate(), l.ingress(), l.duration(), dry),
            l.duration(), dry);
      }
      case NetCommand.Partition p -> {
        Resolved x = resolve(line, p.groups().stream().flatMap(List::stream).toList(), p.network());
        List<List<Target>> groups = p.groups().stream().map(x::of).toList();
        yield done(x, x.sim().partition(groups, p.oneWay(), p.duration(), dry), p.duration(), dry);
      }
      case NetCommand.Isolate i -> {
        Resolved x = resolve(line, List.of(i.container()), i.network());
        Target t = x.targets().get(i.container().text());
        List<Target> others = others(x, t);
        if (others.isEmpty()) {
          throw at(Code.E0806, line, i.container(), "`" + t.name() + "` is the only container of its run on network `"
              + x.network() + "`: there is nothing to cut it off from");
        }
        yield done(x, x.sim().isolate(t, others, i.duration(), dry), i.duration(), dry);
      }
      case NetCommand.Link l -> {
        Resolved x = resolve(line, List.of(l.from(), l.to()), l.network());
        Target from = x.targets().get(l.from().text());
        Target to = x.targets().get(l.to().text());
        sameContainer(line, l.to(), from, to);
        Link link = l.faults().applyTo(Link.to(to.name(), to.ip(), l.port()));
        yield done(x, x.sim().link(from, link, l.duration(), dry), l.duration(), dry);
      }
      case NetCommand.Unlink u -> {
        Resolved x = resolve(line, List.of(u.from(), u.to()), u.network());
        Target from = x.targets().get(u.from().text());
        Target to = x.targets().get(u.to().text());
        sameContainer(line, u.to(), from, to);
        List<Link> links = x.sim().conditionsOf(from).links();
        if (links.stream().noneMatch(k -> k.toIp().equals(to.ip()) && k.port() == u.port())) {
          throw at(Code.E0806, line, u.to(), "no link from `" + from.name() + "` to `" + to.name() + "` port " + u.port()
              + (links.isEmpty() ? "; `" + from.name() + "` has none" : "; its links: "
                  + String.join(", ", links.stream().map(k -> k.toName() + ":" + k.port()).toList())));
        }
        NetSim.Plan p = x.sim().unlink(from, to.ip(), u.port(), dry);
        yield dry ? planned(p) : new ReplResponse.Output("unlinked " + from.name() + " -> " + to.name() + ":"
            + u.port() + remaining(x.sim()));
      }
      case NetCommand.Fast f -> {
        Resolved x = resolve(line, f.containers(), f.network());
        NetSim.Plan p = x.sim().fast(x.of(f.containers()), dry);
        yield dry ? planned(p) : new ReplResponse.Output("fast " + names(f.containers())
            + ": loss, delay, rate and links removed" + remaining(x.sim()));
      }
      case NetCommand.Status s -> throw new IllegalStateException("not a change");
      case NetCommand.Measure m -> throw new IllegalStateException("not a change");
      case NetCommand.Plan p -> throw new IllegalStateException("not a change");
    };
  }

  /** A link joins two containers: a container's connections to itself never leave it. */
  private static void sameContainer(String line, Name at, Target from, Target to) {
    if (from.id().equals(to.id())) {
      throw at(Code.E0806, line, at, "a link joins two containers; `" + at.text() + "` is the client too");
    }
  }

  /** The other containers of {@code t}'s run on its network, as isolation cuts them off. */
  private List<Target> others(Resolved x, Target t) {
    List<Target> out = new ArrayList<>();
    for (Containers.Found f : containers.list()) {
      if (f.engine().other()) {
        continue;
      }
      String ip = addresses(f).get(x.network());
      if (f.runId().equals(x.run().runId()) && !f.info().id().equals(t.id()) && ip != null) {
        out.add(new Target(f.info().id(), f.name(), ip, x.network()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------ changes

  private static ReplResponse done(Resolved x, NetSim.Plan plan, Duration duration, boolean dry) {
    return dry ? planned(plan) : applied(x, plan, duration);
  }

  /** {@code :net plan}: the commands per container; nothing was run. */
  private static ReplResponse planned(NetSim.Plan plan) {
    String text = plan.text();
    return new ReplResponse.Output((plan.scripts().isEmpty() ? "nothing would change\n" : "")
        + text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "(planned only: nothing was applied)\n");
  }

  private static ReplResponse applied(Resolved x, NetSim.Plan plan, Duration duration) {
    var sb = new StringBuilder();
    plan.notes().forEach(n -> sb.append(n).append('\n'));
    List<String> requests = x.sim().requests();
    sb.append("applied on ").append(x.network()).append(": ")
        .append(requests.isEmpty() ? "-" : requests.get(requests.size() - 1))
        .append(duration == null ? "" : " for " + show(duration)).append('\n');
    return new ReplResponse.Output(sb.toString());
  }

  private static String remaining(NetSim sim) {
    List<String> left = sim.requests();
    return left.isEmpty() ? "; nothing else applies\n" : "; still applied: " + String.join("; ", left) + "\n";
  }

  private ReplResponse heal(boolean dry) {
    List<String> removed = new ArrayList<>();
    var plans = new StringBuilder();
    for (Run run : runs.get()) {
      for (NetSim sim : RunSimHost.all(run)) {
        if (!sim.requests().isEmpty()) {
          removed.addAll(sim.requests());
          NetSim.Plan p = sim.heal(dry);
          plans.append(p.text());
        }
      }
    }
    if (removed.isEmpty()) {
      return new ReplResponse.Output("nothing to heal: no condition or partition applies\n");
    }
    if (dry) {
      return new ReplResponse.Output(plans + "(planned only: nothing was applied)\n");
    }
    return new ReplResponse.Output("healed: removed " + String.join("; ", removed) + "\n");
  }

  /**
   * Before {@code :rerun} or {@code :reload} replaces containers of {@code run}: removes the
   * run's network conditions and partitions (they name the containers being replaced; the
   * stages that run again apply theirs anew). Returns the line saying what was removed, or "";
   * a failure goes to {@code failures}.
   */
  static String healForRerun(Run run, List<String> failures) {
    List<String> removed = new ArrayList<>();
    for (NetSim sim : RunSimHost.all(run)) { // on every engine the run simulated on
      List<String> applied = sim.requests();
      if (applied.isEmpty()) {
        continue;
      }
      try {
        sim.heal(false);
        removed.addAll(applied);
      } catch (NetsimException e) {
        failures.add("network conditions: " + e.getMessage());
      }
    }
    return removed.isEmpty() ? "" : "network conditions removed for the re-run: " + String.join("; ", removed) + "\n";
  }

  // ------------------------------------------------------------ status

  private ReplResponse status(String line, String network) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NODE", "NETWORK", "IP", "STATE", "CONDITIONS", "PARTITION", "BACKEND",
        "OBSERVED"});
    Set<String> networks = new java.util.TreeSet<>();
    for (Containers.Found f : containers.list()) {
      if (f.engine().other()) {
        continue; // the simulation works on the default engine
      }
      Run run = runOf.apply(f.runId());
      NetSim sim = run == null ? null : RunSimHost.existing(run, run.engine().address());
      for (var e : addresses(f).entrySet()) {
        String net = e.getKey();
        networks.add(net);
        if (network != null && !network.equals(net)) {
          continue;
        }
        Target t = new Target(f.info().id(), f.name(), e.getValue(), net);
        Measurement m = sim == null ? null : sim.lastObservation(t);
        rows.add(new String[] {f.name(), net, t.ip(), f.info().state().describe(),
            sim == null ? "-" : sim.conditionsOf(t).describe(), sim == null ? "-" : sim.partitionOf(t),
            sim == null ? "-" : sim.backendOf(t), m == null ? "-" : m.describe()});
      }
    }
    if (rows.size() == 1) {
      if (network != null && !networks.isEmpty()) {
        throw new Located(NetParser.diagnostic(Code.E0807, line, line.indexOf("net=" + network) + 4,
            network.length(), "no container of this session is on network `" + network + "`; networks: "
            + String.join(", ", networks)));
      }
      return new ReplResponse.Output("no containers on a network\n");
    }
    var sb = new StringBuilder(Table.render(rows));
    for (Run run : runs.get()) {
      for (NetSim sim : RunSimHost.all(run)) {
        if (!sim.requests().isEmpty()) {
          sb.append("applied: ").append(String.join("; ", sim.requests())).append('\n');
        }
      }
    }
    return new ReplResponse.Output(sb.toString());
  }

  // ------------------------------------------------------------ names to targets

  private Resolved resolve(String line, List<Name> names, String network) {
    Map<String, Containers.Found> found = new LinkedHashMap<>();
    Map<String, Name> firstOf = new LinkedHashMap<>();
    for (Name n : names) {
      if (found.containsKey(n.text())) {
        continue;
      }
      Containers.Found f = containers.find(n.text());
      if (f == null) {
        throw at(Code.E0805, line, n, containers.unknownText(n.text()));
      }
      if (f.engine().other()) {
        throw at(Code.E0806, line, n, "container `" + f.name() + "` is on " + f.engine().address()
            + ": :net works on the containers of the default engine");
      }
      ContainerInfo info = containers.fresh(f);
      if (!info.state().running()) {
        throw at(Code.E0806, line, n, "container `" + f.name() + "` is not running (" + info.state().describe()
            + "): network conditions live in a running container's network namespace");
      }
      found.put(n.text(), new Containers.Found(f.name(), info, f.runId(), f.engine()));
      firstOf.put(n.text(), n);
    }
    String runId = null;
    Name first = null;
    for (var e : found.entrySet()) {
      if (runId == null) {
        runId = e.getValue().runId();
        first = firstOf.get(e.getKey());
      } else if (!runId.equals(e.getValue().runId())) {
        throw at(Code.E0806, line, firstOf.get(e.getKey()), "`" + e.getKey() + "` and `" + first.text()
            + "` belong to different runs (one was started at the prompt, the other by the pipeline); "
            + "a network condition applies within one run");
      }
    }
    Run run = runOf.apply(runId);
    if (run == null) {
      throw at(Code.E0806, line, first, "the run of `" + first.text() + "` has ended");
    }
    String net = network(line, found, firstOf, network);
    Map<String, Target> targets = new LinkedHashMap<>();
    found.forEach((typed, f) -> targets.put(typed,
        new Target(f.info().id(), f.name(), addresses(f).get(net), net)));
    NetSim sim = RunSimHost.simulation(run, run.engine(),
        said -> events.emit(new Event.Log(Instant.now(), null, Event.Stream.INFO, said)));
    return new Resolved(run, sim, targets, net);
  }

  /** The network every container is on: {@code net=NAME}, else the one they share. */
  private static String network(String line, Map<String, Containers.Found> found, Map<String, Name> firstOf,
      String wanted) {
    if (wanted != null) {
      for (var e : found.entrySet()) {
        Map<String, String> nets = addresses(e.getValue());
        if (!nets.containsKey(wanted)) {
          throw at(Code.E0806, line, firstOf.get(e.getKey()), "`" + e.getKey() + "` is not on network `" + wanted
              + "`" + (nets.isEmpty() ? " (it has no network address)" : "; its networks: "
                  + String.join(", ", nets.keySet())));
        }
      }
      return wanted;
    }
    Set<String> shared = null;
    for (Containers.Found f : found.values()) {
      Set<String> nets = new LinkedHashSet<>(addresses(f).keySet());
      if (shared == null) {
        shared = nets;
      } else {
        shared.retainAll(nets);
      }
    }
    if (shared.size() > 1) {
      // the engine's default bridge only when nothing else is shared
      shared.remove("bridge");
    }
    Name first = firstOf.values().iterator().next();
    if (shared.isEmpty()) {
      var sb = new StringBuilder(found.size() == 1 ? "`" + first.text() + "` has no network address"
          : "these containers share no network:");
      if (found.size() > 1) {
        found.forEach((typed, f) -> sb.append(" `").append(typed).append("` is on ")
            .append(addresses(f).isEmpty() ? "none" : String.join(", ", addresses(f).keySet())).append(';'));
        sb.setLength(sb.length() - 1);
      }
      throw at(Code.E0806, line, first, sb.toString());
    }
    if (shared.size() > 1) {
      throw at(Code.E0806, line, first, "these containers share several networks (" + String.join(", ", shared)
          + "): pick one with net=NAME");
    }
    return shared.iterator().next();
  }

  /** The container's IPv4 addresses by network, networks named as the Slipfile named them. */
  private static Map<String, String> addresses(Containers.Found f) {
    String suffix = "-" + new RunLabels(f.runId(), "", 0, "", "").suffix();
    Map<String, String> out = new TreeMap<>();
    f.info().networks().forEach((net, ip) -> {
      if (ip == null || ip.isEmpty() || net.equals("host") || net.equals("none")) {
        return;
      }
      String name = net.endsWith(suffix) ? net.substring(0, net.length() - suffix.length()) : net;
      out.put(name, ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip);
    });
    return out;
  }

  private static Located at(Code code, String line, Name n, String message) {
    return new Located(NetParser.diagnostic(code, line, n.column(), n.text().length(), message));
  }

  private static String names(List<Name> names) {
    return String.join(", ", names.stream().map(Name::text).distinct().toList());
  }

  /** {@code 30s}, {@code 1m30s}, {@code 150ms}: as the language prints durations. */
  private static String show(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    return (s >= 60 ? s / 60 + "m" : "") + (s % 60 == 0 && s >= 60 ? "" : s % 60 + "s");
  }
}
