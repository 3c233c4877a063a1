package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run's worth of real containers for network simulation ITs: a labelled bridge network,
 * busybox containers on it, a {@link SimHost} collecting what the simulation says and its
 * cleanup, and {@link #close()} which runs the cleanup and removes everything.
 */
final class SimFixture implements SimHost, AutoCloseable {
  final ContainerEngine engine;
  final RunLabels labels = RunLabels.forCurrentProcess("netsim-it-" + UUID.randomUUID(), "netsim-it");
  final List<String> said = new ArrayList<>();
  final List<Runnable> cleanups = new ArrayList<>();
  final String network;
  final List<String> containers = new ArrayList<>();
  final NetSim sim;
  final Map<String, String> env;

  SimFixture(ContainerEngine engine) {
    this(engine, null);
  }

  /** With {@code $SLIPWAY_NETSIM_HELPER} = {@code mode} (null: as the environment says). */
  SimFixture(ContainerEngine engine, String mode) {
    this.engine = engine;
    var e = new java.util.HashMap<>(System.getenv());
    if (mode != null) {
      e.put(NetSim.MODE, mode);
    }
    this.env = Map.copyOf(e);
    this.network = engine.createNetwork(new NetworkSpec(labels.scoped("sim"), "bridge", labels.labels(), false));
    this.sim = new NetSim(this);
  }

  /** Starts an idle busybox container on the network; returns it as a target. */
  Target start(String name) {
    return start(name, List.of("sleep", "600"));
  }

  /** Starts a busybox container running {@code command} on the network; returns it as a target. */
  Target start(String name, List<String> command) {
    String id = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(labels.scoped(name))
        .labels(labels.labels()).network(labels.scoped("sim")).alias(name).init(true)
        .command(command).build());
    containers.add(id);
    engine.startContainer(id);
    String ip = engine.inspectContainer(id).orElseThrow().networks().get(labels.scoped("sim"));
    return new Target(id, name, ip, "sim");
  }

  /** Runs {@code sh -c script} in a test container; returns exit code and output. */
  Sidecars.Result sh(Target t, String script) {
    var out = new java.io.ByteArrayOutputStream();
    int code = engine.exec(t.id(), io.slipway.engine.ExecSpec.of(List.of("sh", "-c", script)),
        (s, c) -> {
          synchronized (out) {
            out.write(c, 0, c.length);
          }
        });
    return new Sidecars.Result(code, out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** iptables rules (nat too), qdiscs and links of {@code t}'s namespace, read by a fresh short-lived helper. */
  String inNamespaceOfFresh(Target t) {
    String image = HelperImage.ensure(engine, env, s -> { });
    String id = engine.createContainer(ContainerSpec.builder(image).network("container:" + t.id())
        .capAdd("NET_ADMIN").command(List.of("/bin/sh", "-c",
            "iptables -S; iptables -t nat -S; /usr/sbin/tc qdisc show; /usr/sbin/ip -o link show")).build());
    try {
      engine.startContainer(id);
      engine.waitContainer(id, java.time.Duration.ofSeconds(60));
      StringBuilder b = new StringBuilder();
      engine.logs(id, -1).forEach(l -> b.append(l.text()).append('\n'));
      return b.toString();
    } finally {
      engine.removeContainer(id, true);
    }
  }

  @Override
  public ContainerEngine engine() {
    return engine;
  }

  @Override
  public RunLabels labels() {
    return labels;
  }

  @Override
  public Map<String, String> env() {
    return env;
  }

  /** The run's agent, if it has one. */
  java.util.Optional<String> agent() {
    return engine.listContainers(Map.of(RunLabels.RUN, labels.runId())).stream()
        .filter(c -> c.labels().containsKey(Agent.LABEL)).map(c -> c.id()).findFirst();
  }

  /** The helper holding {@code t}'s delayer and state files: the run's agent, or {@code t}'s own helper. */
  String ruleHelper(Target t) {
    return agent().orElseGet(() -> engine.listContainers(Map.of(Sidecars.TARGET, t.id())).get(0).id());
  }

  /** Runs {@code script} with the helper's tools in {@code t}'s network namespace (through whichever helper holds it). */
  Sidecars.Result inNamespace(Target t, String script) {
    var a = agent();
    if (a.isEmpty()) {
      return new Sidecars(this).exec(ruleHelper(t), script);
    }
    String out = new Sidecars(this).exec(a.get(), Agent.batch(999_999, Map.of(t.id(), script))).output();
    return Agent.parse(out, List.of(t.id())).get(t.id());
  }

  @Override
  public synchronized void say(String line) {
    said.add(line);
  }

  @Override
  public synchronized void onCleanup(String what, Runnable action) {
    cleanups.add(action);
  }

  @Override
  public boolean keep() {
    return false;
  }

  /** Runs the registered cleanup (as the run's end would). */
  void runCleanup() {
    List<Runnable> l;
    synchronized (this) {
      l = new ArrayList<>(cleanups);
      cleanups.clear();
    }
    java.util.Collections.reverse(l);
    l.forEach(Runnable::run);
  }

  @Override
  public void close() {
    runCleanup();
    for (var c : engine.listContainers(labels.selector())) {
      engine.removeContainer(c.id(), true);
    }
    engine.removeNetwork(network);
  }
}
