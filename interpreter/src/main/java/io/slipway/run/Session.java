package io.slipway.run;

import io.slipway.engine.ContainerEngine;
import io.slipway.scope.ResourceScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What lives across runs: engine connections, output (the event sink and the secret masker),
 * secrets, build info, command-line switches, and the session's cleanup scope, whose typed
 * services hold what other areas keep per session (the loaded program, the REPL's
 * definitions). The CLI's {@code run} opens one session for its one run; the REPL keeps one for
 * many runs, stage re-runs and plan reloads. Each run is a {@link Run} made by
 * {@link #newRun(String)}.
 */
public final class Session {
  private final String id = UUID.randomUUID().toString();
  private final Path dir;
  private final EventSink events;
  private final SecretMasker masker;
  private final EngineConnection engine;
  private final Map<String, EngineConnection> engines = new ConcurrentHashMap<>();
  private final ResourceScope scope;
  private volatile String pipeline;
  private volatile SecretStore secrets;
  private volatile BuildInfo build;
  private volatile RunFlags flags = RunFlags.DEFAULT;
  private volatile Approver approver;

  /**
   * @param dir the pipeline's directory ({@code build.dir}); relative paths resolve against it
   * @param events where events go, already masking secrets when built by the facade
   * @param engineFactory connects to the default engine; called only when a step needs it
   */
  public Session(String pipeline, Path dir, EventSink events, SecretMasker masker,
      Supplier<ContainerEngine> engineFactory) {
    this.pipeline = pipeline;
    this.dir = dir;
    this.events = events;
    this.masker = masker;
    this.engine = new EngineConnection(engineFactory);
    this.scope = ResourceScope.root(ResourceScope.Kind.SESSION, "session", masker::mask);
    this.secrets = new SecretStore(Map.of(), Map.of(), masker);
    this.build = BuildInfo.of(pipeline, 0, id, dir == null ? "." : dir.toString());
  }

  /** A unique id of this session. */
  public String id() {
    return id;
  }

  /** A new run in this session; its scope is a child of the session's. */
  public Run newRun(String runId) {
    return new Run(this, runId);
  }

  public String pipeline() {
    return pipeline;
  }

  /** The pipeline's name once a (new) program is loaded. */
  public Session pipeline(String name) {
    this.pipeline = name;
    return this;
  }

  public Path dir() {
    return dir;
  }

  public EventSink events() {
    return events;
  }

  public SecretMasker masker() {
    return masker;
  }

  /** The session's cleanup scope: outlives every run; ends at {@link #close()}. */
  public ResourceScope scope() {
    return scope;
  }

  // ------------------------------------------------------------ engines

  /** The default engine's connection (lazy, shared by the runs of the session). */
  public EngineConnection engineConnection() {
    return engine;
  }

  /** The default engine, connected on first use. */
  public ContainerEngine engine() {
    return engine.get();
  }

  /**
   * Another engine of the session (a remote {@code docker(host, tls)}), connected once per
   * {@code key} and closed with the session.
   */
  public ContainerEngine engine(String key, Supplier<ContainerEngine> connect) {
    return engines.computeIfAbsent(key, k -> new EngineConnection(connect)).get();
  }

  // ------------------------------------------------------------ configuration

  public Session secrets(SecretStore store) {
    this.secrets = store;
    return this;
  }

  public SecretStore secrets() {
    return secrets;
  }

  public Session build(BuildInfo info) {
    this.build = info;
    return this;
  }

  /** The {@code build} global of the next run (a run may be given its own). */
  public BuildInfo build() {
    return build;
  }

  public Session flags(RunFlags f) {
    this.flags = f;
    return this;
  }

  public RunFlags flags() {
    return flags;
  }

  public Session approver(Approver a) {
    this.approver = a;
    return this;
  }

  /** The terminal approver, or null when no terminal is attached. */
  public Approver approver() {
    return approver;
  }

  /**
   * Ends the session: everything still registered in its scope (and in runs not yet cleaned
   * up) is removed, then the engine connections are closed. Returns failures as messages.
   */
  public List<String> close() {
    return close(true);
  }

  /**
   * As {@link #close()}; with {@code waitForConnections} false (after a cancelled run) a
   * connection still under way is not waited for but closed in the background when it completes.
   */
  public List<String> close(boolean waitForConnections) {
    List<String> failures = new ArrayList<>(scope.close());
    String f = engine.close(waitForConnections);
    if (f != null) {
      failures.add(f);
    }
    for (EngineConnection c : engines.values()) {
      String g = c.close(waitForConnections);
      if (g != null) {
        failures.add(g);
      }
    }
    return failures;
  }
}
