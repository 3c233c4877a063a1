package io.slipway.pipeline;

import io.slipway.interp.Evaluator;
import io.slipway.run.RunState;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run-time state of one attempt of one stage (or of the post blocks, as stage
 * {@code "post"}): its agent, environment and options as the body sets them, its step counter,
 * the resources to remove when it ends, and the command runner its {@code sh} steps use.
 */
public final class StageContext {
  private final String name;
  private final RunState run;
  private final Plan plan;
  private final Map<String, Object> env = new LinkedHashMap<>();
  private final List<Runnable> onEnd = new ArrayList<>();
  private final AtomicInteger steps = new AtomicInteger();
  private volatile Object agent;
  private volatile StageOptions options;
  private volatile Evaluator evaluator;
  private volatile Deadline deadline;
  private CommandRunner agentRunner;

  public StageContext(String name, RunState run, Plan plan) {
    this.name = name;
    this.run = run;
    this.plan = plan;
    this.agent = plan == null ? null : plan.agent();
    this.options = plan == null ? StageOptions.DEFAULT
        : new StageOptions(null, plan.options().retries(), true);
    if (plan != null) {
      env.putAll(plan.env());
    }
  }

  public String name() {
    return name;
  }

  public RunState run() {
    return run;
  }

  /** The plan being run, or null outside a pipeline. */
  public Plan plan() {
    return plan;
  }

  /** The next step number of this stage, starting at 1. */
  public int nextStep() {
    return steps.incrementAndGet();
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
    Deadline old = deadline;
    if (old != null) {
      old.close();
    }
    if (o.timeout() != null && evaluator != null) {
      Duration t = o.timeout();
      deadline = Deadline.arm(evaluator, t, () -> new SlipException("Timeout",
          "stage `" + name + "` timed out after " + Values.showDuration(t)));
    }
  }

  boolean timedOut() {
    Deadline d = deadline;
    return d != null && d.fired();
  }

  // ------------------------------------------------------------ resources

  /** Registers an action to run when this stage attempt ends (last registered runs first). */
  public synchronized void onStageEnd(Runnable action) {
    onEnd.add(action);
  }

  /** Ends the attempt: disarms the timeout and runs the end actions; returns failures. */
  List<String> end() {
    Deadline d = deadline;
    if (d != null) {
      d.close();
    }
    List<Runnable> actions;
    synchronized (this) {
      actions = new ArrayList<>(onEnd);
      onEnd.clear();
    }
    List<String> failures = new ArrayList<>();
    for (int i = actions.size() - 1; i >= 0; i--) {
      try {
        actions.get(i).run();
      } catch (RuntimeException e) {
        failures.add(run.masker().mask(String.valueOf(e.getMessage())));
      }
    }
    return failures;
  }

  // ------------------------------------------------------------ commands

  /** The runner for this stage's commands: the agent container's, or the host's. */
  public synchronized CommandRunner commandRunner() {
    CommandRunners runners = CommandRunners.of(run);
    if (agent == null) {
      return runners.host();
    }
    if (agentRunner == null) {
      if (runners.agents() == null) {
        throw SlipException.error("stage `" + name + "` has an agent but no Docker agent "
            + "support is installed");
      }
      agentRunner = runners.agents().open(agent, this);
    }
    return agentRunner;
  }

  /** Reveals secret values of an environment map for a process. */
  public static Map<String, String> reveal(Map<String, Object> vars) {
    var out = new LinkedHashMap<String, String>();
    vars.forEach((k, v) -> out.put(k, v instanceof SecretValue s ? s.reveal() : Values.show(v)));
    return out;
  }
}
