package io.slipway.pipeline;

import io.slipway.interp.Evaluator;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline side of one stage attempt (or of the post blocks, as stage {@code "post"}): its
 * agent, environment and options as the body sets them, its timeout, and the command runner its
 * {@code sh} steps use. The attempt itself (name, number, cleanup scope, step counter) is the
 * {@link StageAttempt}, which is all the evaluator knows; this context is the {@code
 * StageContext} service of the attempt's scope, found by builtins through {@code
 * cx.service(StageContext.class)}.
 */
public final class StageContext {
  private final StageAttempt attempt;
  private final Plan plan;
  private final Map<String, Object> env = new LinkedHashMap<>();
  private volatile Object agent;
  private volatile StageOptions options;
  private volatile Evaluator evaluator;
  private volatile Deadline deadline;
  private CommandRunner agentRunner;
  private final Map<io.slipway.engine.EngineTarget, CommandRunner> targetRunners = new java.util.HashMap<>();

  /** Makes the context of {@code attempt} and provides it as a service of the attempt's scope. */
  public StageContext(StageAttempt attempt, Plan plan) {
    this.attempt = attempt;
    this.plan = plan;
    this.agent = plan == null ? null : plan.agent();
    this.options = plan == null ? StageOptions.DEFAULT
        : new StageOptions(null, plan.options().retries(), true);
    attempt.maxAttempts((int) Math.min(Integer.MAX_VALUE, 1 + options.retries()));
    if (plan != null) {
      env.putAll(plan.env());
    }
    attempt.scope().provide(StageContext.class, this);
  }

  public String name() {
    return attempt.stage();
  }

  public StageAttempt attempt() {
    return attempt;
  }

  public Run run() {
    return attempt.run();
  }

  /** The attempt's cleanup scope. */
  public ResourceScope scope() {
    return attempt.scope();
  }

  /** The plan being run, or null outside a pipeline. */
  public Plan plan() {
    return plan;
  }

  void attach(Evaluator ev) {
    this.evaluator = ev;
  }

  /** The evaluator running the stage body. */
  public Evaluator evaluator() {
    return evaluator;
  }

  // ------------------------------------------------------------ settings the body makes

  /** The agent image ({@code String} or {@code Image}), or null to run on the host. */
  public Object agent() {
    return agent;
  }

  public synchronized void agent(Object image) {
    if (agentRunner != null) {
      throw SlipException.error("`agent` must come before the first command of the stage");
    }
    this.agent = image;
  }

  public synchronized void env(Map<String, Object> vars) {
    env.putAll(vars);
  }

  /** Pipeline and stage variables, values {@code String} or {@code Secret}. */
  public synchronized Map<String, Object> env() {
    return new LinkedHashMap<>(env);
  }

  public StageOptions options() {
    return options;
  }

  /** Applies {@code options(...)} from the stage body; a timeout counts from now. */
  public void options(StageOptions o) {
    this.options = o;
    attempt.maxAttempts((int) Math.min(Integer.MAX_VALUE, 1 + o.retries()));
    Deadline old = deadline;
    if (old != null) {
      old.close();
    }
    if (o.timeout() != null && evaluator != null) {
      Duration t = o.timeout();
      deadline = Deadline.arm(evaluator, t, () -> new SlipException("Timeout",
          "stage `" + name() + "` timed out after " + Values.showDuration(t)));
    }
  }

  boolean timedOut() {
    Deadline d = deadline;
    return d != null && d.fired();
  }

  // ------------------------------------------------------------ end

  /**
   * Ends the attempt: disarms the timeout and ends its scope. {@code discard} (a failed attempt
   * that will be retried) removes everything it created; otherwise what may outlive the attempt
   * (a {@code start}ed container, a network) moves to the stage's scope and the rest (its agent,
   * its {@code service}s, ...) is removed. Returns failures.
   */
  List<String> end(boolean discard) {
    Deadline d = deadline;
    if (d != null) {
      d.close();
    }
    return discard ? attempt.scope().close() : attempt.scope().commit();
  }

  // ------------------------------------------------------------ commands

  /** The runner for this stage's commands: the agent container's, or the host's. */
  public synchronized CommandRunner commandRunner() {
    CommandRunners runners = CommandRunners.of(run());
    if (agent == null) {
      return runners.host();
    }
    if (agentRunner == null) {
      if (runners.agents() == null) {
        throw SlipException.error("stage `" + name() + "` has an agent but no Docker agent "
            + "support is installed");
      }
      agentRunner = runners.agents().open(agent, this);
    }
    return agentRunner;
  }

  /**
   * The runner for commands inside an {@code on(engine) { }} block: an agent of the stage's
   * image on that engine (one per attempt and engine); the default runner when {@code engine} is
   * null or the stage runs on the host.
   */
  public synchronized CommandRunner commandRunner(io.slipway.engine.EngineTarget engine) {
    if (engine == null || agent == null) {
      return commandRunner();
    }
    CommandRunner r = targetRunners.get(engine);
    if (r == null) {
      CommandRunners runners = CommandRunners.of(run());
      if (runners.agents() == null) {
        throw SlipException.error("stage `" + name() + "` has an agent but no Docker agent "
            + "support is installed");
      }
      r = runners.agents().open(agent, this, engine);
      targetRunners.put(engine, r);
    }
    return r;
  }

  /** Reveals secret values of an environment map for a process. */
  public static Map<String, String> reveal(Map<String, Object> vars) {
    var out = new LinkedHashMap<String, String>();
    vars.forEach((k, v) -> out.put(k, v instanceof SecretValue s ? s.reveal() : Values.show(v)));
    return out;
  }
}
