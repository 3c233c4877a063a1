package io.slipway.run;

import io.slipway.engine.ContainerEngine;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Everything one run owns, in one explicit object (no statics): identity, output, secrets and
 * the lazily connected engine. A pipeline that never calls a Docker builtin never connects.
 * The REPL will keep one across stage re-runs.
 */
public final class RunState {
  private final String runId;
  private final String pipeline;
  private final Path dir;
  private final EventSink events;
  private final SecretMasker masker;
  private final Supplier<ContainerEngine> engineFactory;
  private ContainerEngine engine;

  public RunState(String runId, String pipeline, Path dir, EventSink events, SecretMasker masker,
      Supplier<ContainerEngine> engineFactory) {
    this.runId = runId;
    this.pipeline = pipeline;
    this.dir = dir;
    this.events = events;
    this.masker = masker;
    this.engineFactory = engineFactory;
  }

  public String runId() {
    return runId;
  }

  public String pipeline() {
    return pipeline;
  }

  /** The pipeline's directory ({@code build.dir}); relative file paths resolve against it. */
  public Path dir() {
    return dir;
  }

  public EventSink events() {
    return events;
  }

  public SecretMasker masker() {
    return masker;
  }

  /** The engine, connected on first use. */
  public synchronized ContainerEngine engine() {
    if (engine == null) {
      engine = engineFactory.get();
    }
    return engine;
  }

  /** True once something asked for the engine. */
  public synchronized boolean engineUsed() {
    return engine != null;
  }
}
