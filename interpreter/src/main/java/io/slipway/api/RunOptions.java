package io.slipway.api;

import io.slipway.debug.Debugger;
import io.slipway.engine.ContainerEngine;
import io.slipway.pipeline.AgentRunner;
import io.slipway.run.Approver;
import io.slipway.run.EventSink;
import io.slipway.run.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How to run a pipeline. Start from {@link #defaults()} and use the withers.
 *
 * @param params {@code -p NAME=VALUE} overrides, converted by the declared param types
 * @param onlyStage {@code --stage NAME}: run only that stage (no other stage, no post), or null
 * @param events where run events go (secrets are masked before they arrive)
 * @param keep keep containers, networks and volumes ({@code --keep})
 * @param approveAll answer every {@code approve} gate with yes ({@code --approve})
 * @param interactive a terminal is attached on which {@code approver} may ask
 * @param engineFactory connects to the container engine; called only if a step needs Docker
 * @param debug show Java stack traces of internal errors
 * @param approver asks a person on the terminal; null without one
 * @param debugger called before every statement, step and stage ({@link Debugger#NONE}: none)
 * @param environment the environment for {@code secret(..)} and host commands; null for the
 *     process environment
 * @param agents runs {@code sh} in agent containers; null to find one with ServiceLoader
 * @param onStart receives the run as soon as it exists (the CLI's signal handler calls
 *     {@code cancel} and {@code cleanup} on it); may be null
 * @param hostPaths directories outside the pipeline directory that file builtins may use
 *     ({@code --allow-host-path}); every other host path is refused ({@link
 *     io.slipway.run.Workspace})
 */
public record RunOptions(Map<String, String> params, String onlyStage, EventSink events,
    boolean keep, boolean approveAll, boolean interactive,
    Supplier<ContainerEngine> engineFactory, boolean debug, Approver approver, Debugger debugger,
    Map<String, String> environment, AgentRunner agents, Consumer<Run> onStart,
    List<Path> hostPaths) {

  public RunOptions {
    params = Map.copyOf(params);
    hostPaths = hostPaths == null ? List.of() : List.copyOf(hostPaths);
    events = events == null ? EventSink.NONE : events;
    debugger = debugger == null ? Debugger.NONE : debugger;
  }

  /** No params, all stages, no output, no engine (a Docker step fails with a clear error). */
  public static RunOptions defaults() {
    return new RunOptions(Map.of(), null, EventSink.NONE, false, false, false,
        () -> {
          throw new IllegalStateException("no container engine configured");
        }, false, null, Debugger.NONE, null, null, null, List.of());
  }

  public RunOptions withParams(Map<String, String> p) {
    return with(c -> c.params = p);
  }

  public RunOptions withOnlyStage(String stage) {
    return with(c -> c.onlyStage = stage);
  }

  public RunOptions withEvents(EventSink sink) {
    return with(c -> c.events = sink);
  }

  public RunOptions withKeep(boolean k) {
    return with(c -> c.keep = k);
  }

  public RunOptions withApproveAll(boolean a) {
    return with(c -> c.approveAll = a);
  }

  /** A terminal approver ({@code interactive} becomes true when it is non-null). */
  public RunOptions withApprover(Approver a) {
    return with(c -> {
      c.approver = a;
      c.interactive = a != null;
    });
  }

  public RunOptions withEngineFactory(Supplier<ContainerEngine> f) {
    return with(c -> c.engineFactory = f);
  }

  public RunOptions withDebug(boolean d) {
    return with(c -> c.debug = d);
  }

  /** Installs a debugger (a {@code StepController}) on the run. */
  public RunOptions withDebugger(Debugger d) {
    return with(c -> c.debugger = d);
  }

  public RunOptions withEnvironment(Map<String, String> env) {
    return with(c -> c.environment = env);
  }

  public RunOptions withAgents(AgentRunner a) {
    return with(c -> c.agents = a);
  }

  public RunOptions withOnStart(Consumer<Run> s) {
    return with(c -> c.onStart = s);
  }

  public RunOptions withHostPaths(List<Path> paths) {
    return with(c -> c.hostPaths = paths);
  }

  /** A copy of these options with one change: each wither names only what it changes. */
  private RunOptions with(Consumer<Copy> change) {
    var copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The components as mutable fields, so that a new option is added here, not to every wither. */
  private static final class Copy {
    private Map<String, String> params;
    private String onlyStage;
    private EventSink events;
    private boolean keep;
    private boolean approveAll;
    private boolean interactive;
    private Supplier<ContainerEngine> engineFactory;
    private boolean debug;
    private Approver approver;
    private Debugger debugger;
    private Map<String, String> environment;
    private AgentRunner agents;
    private Consumer<Run> onStart;
    private List<Path> hostPaths;

    Copy(RunOptions o) {
      params = o.params;
      onlyStage = o.onlyStage;
      events = o.events;
      keep = o.keep;
      approveAll = o.approveAll;
      interactive = o.interactive;
      engineFactory = o.engineFactory;
      debug = o.debug;
      approver = o.approver;
      debugger = o.debugger;
      environment = o.environment;
      agents = o.agents;
      onStart = o.onStart;
      hostPaths = o.hostPaths;
    }

    RunOptions build() {
      return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
          engineFactory, debug, approver, debugger, environment, agents, onStart, hostPaths);
    }
  }
}
