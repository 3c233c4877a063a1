package io.slipway.repl;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.RunLabels;
import io.slipway.engine.Subscription;
import io.slipway.engine.TlsFiles;
import io.slipway.engine.explain.ExplainingEngine;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.SecretMasker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The container commands ({@code :ps}, {@code :logs}, {@code :exec}, {@code :inspect},
 * {@code :shell}) over the containers of this session's runs, found by the run labels and
 * named as the Slipfile named them ({@code start(name = "db")} is {@code db}, not the engine's
 * {@code db-1a2b3c4d}), on every engine the runs used: the default one and those their
 * {@code on(engine) { }} blocks named. Each command reaches a container through the engine that
 * holds it.
 */
final class Containers {
  /**
   * An engine a run used: the default one ({@code address} null) or another one an
   * {@code on(engine) { }} block named, by its address, with the PEM files of its mutual TLS
   * (null without) for {@code :shell}'s docker CLI; {@code made} tells whether the run's tracker
   * on this engine created a container id.
   */
  record Engine(String address, ContainerEngine api, TlsFiles tls, Predicate<String> made) {
    /** True for an engine besides the session's default one. */
    boolean other() {
      return address != null;
    }

    /** {@code default}, or the address: the ENGINE column of {@code :ps}, {@code NAME@ENGINE}. */
    String label() {
      return address == null ? DEFAULT : address;
    }

    /** True when {@code where} (of {@code NAME@WHERE}) names this engine. */
    boolean named(String where) {
      return where.equals(label()) || (address != null && address.contains("://")
          && where.equals(address.substring(address.indexOf("://") + 3)));
    }
  }

  /** A run of the session and the engines it used, the default one first. */
  record Source(String runId, List<Engine> engines) {}

  /** One container of the session: the Slipfile's name, the engine's view, its run's id. */
  record Found(String name, ContainerInfo info, String runId, Engine engine) {}

  /** The label of the default engine in {@code :ps} and {@code NAME@ENGINE}. */
  static final String DEFAULT = "default";
  /** The label of the network simulation's helpers: infrastructure, not the Slipfile's. */
  static final String NETSIM_HELPER = "io.slipway.netsim.target";
  /** The label of the network simulation's one namespace-entering helper per run. */
  static final String NETSIM_AGENT = "io.slipway.netsim.agent";

  private final Supplier<List<Source>> sources;
  private final SecretMasker masker;
  private volatile Subscription following;
  private volatile CountDownLatch followEnd;

  /**
   * @param sources the runs whose containers count, newest last, each with the engines it used:
   *     operations on a container go through the engine connection its run used, which
   *     (explaining) knows the Slipfile's names
   */
  Containers(Supplier<List<Source>> sources, SecretMasker masker) {
    this.sources = sources;
    this.masker = masker;
  }

  /**
   * Every container of the session's runs on every engine they used: newest run last, within a
   * run the default engine's first, then the other engines' in the order the run first used
   * them. When two engine addresses reach the same daemon (both list a container), the
   * container is listed once, on the engine whose run tracker created it.
   */
  List<Found> list() {
    List<Found> out = new ArrayList<>();
    for (Source source : sources.get()) {
      String run = source.runId();
      String suffix = "-" + new RunLabels(run, "", 0, "", "").suffix();
      for (Engine e : source.engines()) {
        List<ContainerInfo> infos = new ArrayList<>(e.api().listContainers(Map.of(RunLabels.RUN, run)));
        infos.sort(Comparator.comparing(ContainerInfo::name));
        for (ContainerInfo c : infos) {
          if (c.labels().containsKey(NETSIM_HELPER) || c.labels().containsKey(NETSIM_AGENT)
              || madeElsewhere(source, e, c.id())) {
            continue;
          }
          String name = c.name().endsWith(suffix)
              ? c.name().substring(0, c.name().length() - suffix.length()) : c.name();
          out.add(new Found(name, c, run, e));
        }
      }
    }
    return out;
  }

  /** True when another engine of the run made {@code id} and {@code e} did not. */
  private static boolean madeElsewhere(Source source, Engine e, String id) {
    if (source.engines().size() < 2 || e.made().test(id)) {
      return false;
    }
    return source.engines().stream().anyMatch(o -> o != e && o.made().test(id));
  }

  /**
   * The container {@code query} names: the Slipfile's name ({@code db}), the engine's
   * ({@code db-1a2b3c4d}) or an id prefix of six or more characters, optionally followed by
   * {@code @ENGINE} ({@code db@default}, {@code db@tcp://prod:2376}). The newest run holding such
   * a container wins; within that run the default engine's container wins over the other
   * engines', and those go in the order the run first used them. Null when there is none.
   */
  Found find(String query) {
    String name = query;
    String where = null;
    int at = query.indexOf('@');
    if (at > 0) {
      name = query.substring(0, at);
      where = query.substring(at + 1);
    }
    List<Found> all = list();
    List<String> runs = new ArrayList<>(all.stream().map(Found::runId).distinct().toList());
    java.util.Collections.reverse(runs);
    for (String run : runs) {
      for (Found f : all) {
        if (f.runId().equals(run) && (where == null || f.engine().named(where))
            && (f.name().equals(name) || f.info().name().equals(name)
                || (name.length() >= 6 && f.info().id().startsWith(name)))) {
          return f;
        }
      }
    }
    return null;
  }

  /** {@code f} as its engine sees it now (addresses, state), or as listed if gone. */
  ContainerInfo fresh(Found f) {
    return f.engine().api().inspectContainer(f.info().id()).orElse(f.info());
  }

  /**
   * The container names completion offers: each Slipfile name, and {@code NAME@ENGINE} for a
   * name that containers on several engines share.
   */
  List<String> names() {
    List<Found> all = list();
    List<String> out = new ArrayList<>(all.stream().map(Found::name).distinct().toList());
    Map<String, java.util.Set<String>> engines = new java.util.LinkedHashMap<>();
    all.forEach(f -> engines.computeIfAbsent(f.name(), k -> new java.util.LinkedHashSet<>())
        .add(f.engine().label()));
    engines.forEach((name, labels) -> {
      if (labels.size() > 1) {
        labels.forEach(l -> out.add(name + "@" + l));
      }
    });
    return out;
  }

  /**
   * {@code NAME STATE IP PORTS IMAGE}, with an {@code ENGINE} column after the name when a
   * container is on an engine besides the default one.
   */
  ReplResponse ps() {
    List<Found> all = list();
    if (all.isEmpty()) {
      return new ReplResponse.Output("no containers\n");
    }
    boolean engines = all.stream().anyMatch(f -> f.engine().other());
    List<String[]> rows = new ArrayList<>();
    rows.add(engines ? new String[] {"NAME", "ENGINE", "STATE", "IP", "PORTS", "IMAGE"}
        : new String[] {"NAME", "STATE", "IP", "PORTS", "IMAGE"});
    for (Found f : all) {
      ContainerInfo c = f.info();
      String ip = String.join(",", new TreeMap<>(c.networks()).values().stream()
          .filter(s -> s != null && !s.isEmpty()).toList());
      String ports = String.join(",", new TreeMap<>(c.ports()).entrySet().stream()
          .map(p -> p.getValue() + "->" + p.getKey()).toList());
      List<String> row = new ArrayList<>(List.of(f.name(), c.state().describe(),
          ip.isEmpty() ? "-" : ip, ports.isEmpty() ? "-" : ports, c.image()));
      if (engines) {
        row.add(1, f.engine().label());
      }
      rows.add(row.toArray(String[]::new));
    }
    return new ReplResponse.Output(Table.render(rows));
  }

  ReplResponse inspect(String name) {
    Found f = find(name);
    if (f == null) {
      return unknown(name);
    }
    ContainerInfo c = fresh(f);
    var sb = new StringBuilder();
    sb.append("name:     ").append(f.name()).append('\n');
    if (f.engine().other()) {
      sb.append("on:       ").append(f.engine().address()).append('\n');
    }
    sb.append("engine:   ").append(c.name()).append(" (").append(shortId(c.id())).append(")\n");
    sb.append("image:    ").append(c.image()).append('\n');
    sb.append("state:    ").append(c.state().describe()).append('\n');
    new TreeMap<>(c.networks()).forEach((net, ip) ->
        sb.append("network:  ").append(net).append(ip == null || ip.isEmpty() ? "" : " " + ip)
            .append('\n'));
    new TreeMap<>(c.ports()).forEach((port, host) ->
        sb.append("port:     ").append(port).append(" -> ").append(host).append('\n'));
    new TreeMap<>(c.labels()).forEach((k, v) ->
        sb.append("label:    ").append(k).append('=').append(v).append('\n'));
    return new ReplResponse.Output(masker.mask(sb.toString()));
  }

  ReplResponse exec(String name, List<String> command) {
    Found f = find(name);
    if (f == null) {
      return unknown(name);
    }
    var out = new StringBuilder();
    var lines = new LineSplitter(l -> {
      synchronized (out) {
        out.append(l.text()).append('\n');
      }
    });
    int code = f.engine().api().exec(f.info().id(), ExecSpec.of(command), lines);
    lines.flush();
    String text = masker.mask(out.toString());
    if (code != 0) {
      return new ReplResponse.Failure(text + "exit code " + code + "\n");
    }
    return new ReplResponse.Output(text);
  }

  /**
   * The last lines of a container's output; with {@code follow}, its new output goes to
   * {@code events} as log lines of the container's name until it stops or {@link #stop()}.
   */
  ReplResponse logs(String name, boolean follow, EventSink events) {
    Found f = find(name);
    if (f == null) {
      return unknown(name);
    }
    ContainerEngine e = f.engine().api();
    if (!follow) {
      var sb = new StringBuilder();
      for (LogLine l : e.logs(f.info().id(), 1000)) {
        sb.append(l.text()).append('\n');
      }
      return new ReplResponse.Output(masker.mask(sb.toString()));
    }
    var end = new CountDownLatch(1);
    var lines = new LineSplitter(l -> events.emit(new Event.Log(Instant.now(), f.name(),
        l.stream() == LogLine.Stream.STDERR ? Event.Stream.STDERR : Event.Stream.STDOUT,
        l.text())));
    followEnd = end;
    following = e.followLogs(f.info().id(), 1000, lines, end::countDown);
    try {
      end.await();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } finally {
      stop();
      lines.flush();
    }
    return new ReplResponse.Output("");
  }

  /** Ends a {@code :logs -f}; false when none is following. */
  boolean stop() {
    Subscription s = following;
    CountDownLatch end = followEnd;
    following = null;
    followEnd = null;
    if (s == null) {
      return false;
    }
    s.close();
    end.countDown();
    return true;
  }

  /** Where {@code :shell NAME} goes: the container, and the command the client runs. */
  ReplResponse shell(String name, List<String> command) {
    Found f = find(name);
    if (f == null) {
      return unknown(name);
    }
    if (!f.info().state().running()) {
      return new ReplResponse.Failure("container `" + f.name() + "` is not running ("
          + f.info().state().describe() + ")\n");
    }
    List<String> cmd = command.isEmpty() ? List.of("sh") : command;
    Engine e = f.engine();
    return new ReplResponse.ShellTarget("shell in " + f.name() + (e.other() ? " on " + e.address() : "")
        + " (" + String.join(" ", cmd) + "); exit it to come back\n", f.info().id(), f.name(), cmd,
        e.other() ? ExplainingEngine.engineFlags(e.address(), e.tls(), null) : List.of());
  }

  private ReplResponse unknown(String name) {
    return new ReplResponse.Failure(unknownText(name) + "\n");
  }

  /** {@code no container `x` in this session; containers: a, b}. */
  String unknownText(String name) {
    List<String> names;
    try {
      names = list().stream().map(Found::name).distinct().toList();
    } catch (EngineException e) {
      names = List.of();
    }
    return "no container `" + name + "` in this session"
        + (names.isEmpty() ? "" : "; containers: " + String.join(", ", names));
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
