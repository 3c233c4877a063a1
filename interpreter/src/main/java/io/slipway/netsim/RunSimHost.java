package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import io.slipway.run.Run;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one adapter between a {@link Run} and its network simulation, for the Slipfile's §9
 * builtins and the REPL's {@code :net} commands alike: whichever asks first creates the run's
 * {@link NetSim} (a service of the run's scope) on the run's engine, with the run's labels (every
 * helper carries them), the run's environment (the helper image reference, the journal
 * directory) and the run's cleanup (conditions go with its containers; {@code keep} leaves them
 * for {@code slipway gc}). What the simulation says goes to whoever called it last: the calling
 * step's output, or the REPL's event stream.
 */
public final class RunSimHost implements SimHost {
  private final Run run;
  private final ContainerEngine engine;
  private final RunLabels labels;
  private volatile Consumer<String> say = line -> { };

  private RunSimHost(Run run, ContainerEngine engine) {
    this.run = run;
    this.engine = engine;
    this.labels = RunLabels.forCurrentProcess(run.runId(), run.pipeline());
  }

  /**
   * The run's simulation, created on first use on {@code engine} (the run's engine as its
   * Docker calls see it, {@code :explain} included); {@code say} receives what this call's
   * change reports (building the helper image, the backend chosen).
   */
  public static NetSim simulation(Run run, ContainerEngine engine, Consumer<String> say) {
    RunSimHost host = run.service(RunSimHost.class, () -> new RunSimHost(run, engine));
    host.say = say;
    return run.service(NetSim.class, () -> new NetSim(host));
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
