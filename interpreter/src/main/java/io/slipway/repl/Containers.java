package io.slipway.repl;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.RunLabels;
import io.slipway.engine.Subscription;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The container commands ({@code :ps}, {@code :logs}, {@code :exec}, {@code :inspect},
 * {@code :shell}) over the containers of this session's runs, found by the run labels and
 * named as the Slipfile named them ({@code start(name = "db")} is {@code db}, not the engine's
 * {@code db-1a2b3c4d}).
 */
final class Containers {
  /** One container of the session: the Slipfile's name, the engine's view, its run's id. */
  record Found(String name, ContainerInfo info, String runId) {}

  /** The label of the network simulation's helpers: infrastructure, not the Slipfile's. */
  static final String NETSIM_HELPER = "io.slipway.netsim.target";
  /** The label of the network simulation's one namespace-entering helper per run. */
  static final String NETSIM_AGENT = "io.slipway.netsim.agent";

  private final Supplier<ContainerEngine> engine;
  private final Function<String, ContainerEngine> runEngine;
  private final Supplier<List<String>> runIds;
  private final SecretMasker masker;
  private volatile Subscription following;
  private volatile CountDownLatch followEnd;

  /**
   * @param engine the engine containers are listed with
   * @param runEngine the engine of the run with the given id: operations on a container go
   *     through its run's engine, which (explaining) knows the Slipfile's names
   * @param runIds the ids of the runs whose containers count, newest last
   */
  Containers(Supplier<ContainerEngine> engine, Function<String, ContainerEngine> runEngine,
      Supplier<List<String>> runIds, SecretMasker masker) {
    this.engine = engine;
    this.runEngine = runEngine;
    this.runIds = runIds;
    this.masker = masker;
  }

  /** Every container of the session's runs, newest run last. */
  List<Found> list() {
    List<Found> out = new ArrayList<>();
    ContainerEngine e = engine.get();
    for (String run : runIds.get()) {
      String suffix = "-" + new RunLabels(run, "", 0, "", "").suffix();
      List<ContainerInfo> infos = new ArrayList<>(e.listContainers(Map.of(RunLabels.RUN, run)));
      infos.sort(Comparator.comparing(ContainerInfo::name));
      for (ContainerInfo c : infos) {
        if (c.labels().containsKey(NETSIM_HELPER) || c.labels().containsKey(NETSIM_AGENT)) {
          continue;
        }
        String name = c.name().endsWith(suffix)
            ? c.name().substring(0, c.name().length() - suffix.length()) : c.name();
        out.add(new Found(name, c, run));
      }
    }
    return out;
  }

  /** The container called {@code name} (the newest one of that name), or null. */
  Found find(String name) {
    List<Found> all = list();
    for (int i = all.size() - 1; i >= 0; i--) {
      Found f = all.get(i);
      if (f.name().equals(name) || f.info().name().equals(name)
          || (name.length() >= 6 && f.info().id().startsWith(name))) {
        return f;
      }
    }
    return null;
  }

  /** {@code f} as its run's engine sees it now (addresses, state), or as listed if gone. */
  ContainerInfo fresh(Found f) {
    return runEngine.apply(f.runId()).inspectContainer(f.info().id()).orElse(f.info());
  }

  ReplResponse ps() {
    List<Found> all = list();
    if (all.isEmpty()) {
      return new ReplResponse.Output("no containers\n");
    }
    String[] head = {"NAME", "STATE", "IP", "PORTS", "IMAGE"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (Found f : all) {
      ContainerInfo c = f.info();
      String ip = String.join(",", new TreeMap<>(c.networks()).values().stream()
          .filter(s -> s != null && !s.isEmpty()).toList());
      String ports = String.join(",", new TreeMap<>(c.ports()).entrySet().stream()
          .map(p -> p.getValue() + "->" + p.getKey()).toList());
      rows.add(new String[] {f.name(), c.state().describe(), ip.isEmpty() ? "-" : ip,
          ports.isEmpty() ? "-" : ports, c.image()});
    }
    return new ReplResponse.Output(Table.render(rows));
  }

  ReplResponse inspect(String name) {
    Found f = find(name);
    if (f == null) {
      return unknown(name);
    }
    ContainerInfo c = runEngine.apply(f.runId()).inspectContainer(f.info().id())
        .orElse(f.info());
    var sb = new StringBuilder();
    sb.append("name:     ").append(f.name()).append('\n');
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
    int code = runEngine.apply(f.runId()).exec(f.info().id(), ExecSpec.of(command), lines);
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
    ContainerEngine e = runEngine.apply(f.runId());
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
    return new ReplResponse.ShellTarget("shell in " + f.name() + " (" + String.join(" ", cmd)
        + "); exit it to come back\n", f.info().id(), f.name(), cmd);
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
