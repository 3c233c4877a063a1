package io.slipway.api;

import io.slipway.engine.ContainerEngine;
import io.slipway.pipeline.AgentRunner;
import io.slipway.pipeline.RunHooks;
import io.slipway.run.Approver;
import io.slipway.run.EventSink;
import io.slipway.run.RunState;
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
 * @param hooks debugger hooks called before every stage and step
 * @param environment the environment for {@code secret(..)} and host commands; null for the
 *     process environment
 * @param agents runs {@code sh} in agent containers; null to find one with ServiceLoader
 * @param onStart receives the run state as soon as it exists (the CLI's signal handler calls
 *     {@code cancel} and {@code cleanup} on it); may be null
 */
public record RunOptions(Map<String, String> params, String onlyStage, EventSink events,
    boolean keep, boolean approveAll, boolean interactive,
    Supplier<ContainerEngine> engineFactory, boolean debug, Approver approver, RunHooks hooks,
    Map<String, String> environment, AgentRunner agents, Consumer<RunState> onStart) {

  public RunOptions {
    params = Map.copyOf(params);
    events = events == null ? EventSink.NONE : events;
    hooks = hooks == null ? RunHooks.NONE : hooks;
  }

  /** No params, all stages, no output, no engine (a Docker step fails with a clear error). */
  public static RunOptions defaults() {
    return new RunOptions(Map.of(), null, EventSink.NONE, false, false, false,
        () -> {
          throw new IllegalStateException("no container engine configured");
        }, false, null, RunHooks.NONE, null, null, null);
  }

  public RunOptions withParams(Map<String, String> p) {
    return new RunOptions(p, onlyStage, events, keep, approveAll, interactive, engineFactory,
        debug, approver, hooks, environment, agents, onStart);
  }

  public RunOptions withOnlyStage(String stage) {
    return new RunOptions(params, stage, events, keep, approveAll, interactive, engineFactory,
        debug, approver, hooks, environment, agents, onStart);
  }

  public RunOptions withEvents(EventSink sink) {
    return new RunOptions(params, onlyStage, sink, keep, approveAll, interactive, engineFactory,
        debug, approver, hooks, environment, agents, onStart);
  }

  public RunOptions withKeep(boolean k) {
    return new RunOptions(params, onlyStage, events, k, approveAll, interactive, engineFactory,
        debug, approver, hooks, environment, agents, onStart);
  }

  public RunOptions withApproveAll(boolean a) {
    return new RunOptions(params, onlyStage, events, keep, a, interactive, engineFactory,
        debug, approver, hooks, environment, agents, onStart);
  }

  /** A terminal approver ({@code interactive} becomes true when it is non-null). */
  public RunOptions withApprover(Approver a) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, a != null, engineFactory,
        debug, a, hooks, environment, agents, onStart);
  }

  public RunOptions withEngineFactory(Supplier<ContainerEngine> f) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive, f, debug,
        approver, hooks, environment, agents, onStart);
  }

  public RunOptions withDebug(boolean d) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
        engineFactory, d, approver, hooks, environment, agents, onStart);
  }

  public RunOptions withHooks(RunHooks h) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
        engineFactory, debug, approver, h, environment, agents, onStart);
  }

  public RunOptions withEnvironment(Map<String, String> env) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
        engineFactory, debug, approver, hooks, env, agents, onStart);
  }

  public RunOptions withAgents(AgentRunner a) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
        engineFactory, debug, approver, hooks, environment, a, onStart);
  }

  public RunOptions withOnStart(Consumer<RunState> c) {
    return new RunOptions(params, onlyStage, events, keep, approveAll, interactive,
        engineFactory, debug, approver, hooks, environment, agents, c);
  }
}
