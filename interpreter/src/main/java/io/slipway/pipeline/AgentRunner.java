package io.slipway.pipeline;

/**
 * The hook by which the Docker area runs {@code sh} steps in a stage's agent container. Given the
 * agent image of the stage ({@code String} reference or {@code Image} value), it starts (or
 * reuses) the agent container with the workspace mounted at {@code /workspace}, registers its
 * removal in the attempt's cleanup scope ({@link StageContext#scope()}), and returns the runner that execs
 * commands in it. Called at most once per stage attempt, on the first command.
 *
 * <p>Found through {@link java.util.ServiceLoader} (a {@code META-INF/services} entry) unless
 * the run options name one explicitly.
 */
public interface AgentRunner {
  CommandRunner open(Object image, StageContext stage);

  /**
   * As {@link #open(Object, StageContext)}, on {@code engine} instead of the default one (the
   * {@code sh} steps of an {@code on(engine) { }} block): one agent per attempt and engine, with
   * the workspace copied in. Unsupported unless the implementation knows engines.
   */
  default CommandRunner open(Object image, StageContext stage, io.slipway.engine.EngineTarget engine) {
    if (engine == null) {
      return open(image, stage);
    }
    throw new UnsupportedOperationException("agents on " + engine.address());
  }

  /**
   * Called once, on a background thread, when the checked program shows the run will likely need
   * agents: connects and sets up what {@link #open} would otherwise do first, so that it overlaps
   * with planning. Never reports failures (the first {@code open} does); no-op by default.
   */
  default void prepare(io.slipway.run.Run run) {}
}
