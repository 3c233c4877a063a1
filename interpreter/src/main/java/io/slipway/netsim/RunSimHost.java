package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import io.slipway.run.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one adapter between a {@link Run} and its network simulation, for the Slipfile's §9
 * builtins and the REPL's {@code :net} commands alike: whichever asks first creates the run's
 * {@link NetSim} for an engine (a service of the run's scope; one per engine, since the rules,
 * helpers and agent live where the containers do: {@code on(engine) { }} calls get that engine's
 * simulation, with a journal of its own), with the run's labels (every
 * helper carries them), the run's environment (the helper image reference, the journal
 * directory) and the run's cleanup (conditions go with its containers; {@code keep} leaves them
 * for {@code slipway gc}). What the simulation says goes to whoever called it last: the calling
 * step's output, or the REPL's event stream.
 */
public final class RunSimHost implements SimHost {
  private final Run run;
  private final ContainerEngine engine;
  private final RunLabels labels;
  private final String journalName;
  private volatile Consumer<String> say = line -> { };

  private RunSimHost(Run run, ContainerEngine engine, String journalName) {
    this.run = run;
    this.engine = engine;
    this.labels = RunLabels.forCurrentProcess(run.runId(), run.pipeline());
    this.journalName = journalName;
  }

  /** The run's simulations by engine address, in the order the run first used them. */
  private static final class PerEngine {
    final Map<String, NetSim> sims = new LinkedHashMap<>();
    final Map<String, RunSimHost> hosts = new LinkedHashMap<>();
  }

  /**
   * The run's simulation on {@code engine} (the engine as the calling step's Docker calls see
   * it, {@code :explain} included), created on first use there; {@code say} receives what this
   * call's change reports (building the helper image, the backend chosen).
   */
  public static NetSim simulation(Run run, ContainerEngine engine, Consumer<String> say) {
    PerEngine all = run.service(PerEngine.class, PerEngine::new);
    synchronized (all) {
      String address = engine.address();
      RunSimHost host = all.hosts.computeIfAbsent(address, a -> new RunSimHost(run, engine,
          // the first engine keeps the run's journal name, gc and the tests know it
          all.hosts.isEmpty() ? run.runId() : run.runId() + "-" + shortHash(a)));
      host.say = say;
      return all.sims.computeIfAbsent(address, a -> new NetSim(host));
    }
  }

  /** The run's simulations so far, on every engine, the first one made first. */
  public static List<NetSim> all(Run run) {
    PerEngine all = run.scope().service(PerEngine.class);
    if (all == null) {
      return List.of();
    }
    synchronized (all) {
      return List.copyOf(all.sims.values());
    }
  }

  /** The run's simulation on the engine at {@code address}, or null when it made none there. */
  public static NetSim existing(Run run, String address) {
    PerEngine all = run.scope().service(PerEngine.class);
    if (all == null) {
      return null;
    }
    synchronized (all) {
      return all.sims.get(address);
    }
  }

  private static String shortHash(String s) {
    return String.format("%08x", s.hashCode());
  }

  /** The run id; for an engine the run used after its first, the engine's hash after it. */
  @Override
  public String journalName() {
    return journalName;
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
    return run.secrets().environment();
  }

  @Override
  public void say(String line) {
    say.accept(line);
  }

  @Override
  public void onCleanup(String what, Runnable action) {
    run.onCleanup(what, action);
  }

  @Override
  public boolean keep() {
    return run.flags().keep();
  }
}
