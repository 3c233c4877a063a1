package io.slipway.api;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.check.CheckedProgram;
import io.slipway.check.ParamOverrides;
import io.slipway.debug.Debugger;
import io.slipway.diag.Diagnostics;
import io.slipway.interp.Interpreter;
import io.slipway.pipeline.AgentRunner;
import io.slipway.pipeline.CommandRunners;
import io.slipway.pipeline.DockerUse;
import io.slipway.pipeline.HostCommandRunner;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.PlanHolder;
import io.slipway.run.BuildInfo;
import io.slipway.run.EventSink;
import io.slipway.run.MaskingSink;
import io.slipway.run.Run;
import io.slipway.run.RunFlags;
import io.slipway.run.SecretMasker;
import io.slipway.run.SecretStore;
import io.slipway.run.Session;
import io.slipway.run.Workspace;
import io.slipway.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * One {@link Session} that runs a pipeline directory's programs many times, as the REPL does:
 * the session (engine connection, secrets, output) is opened once; each {@link #prepare} makes
 * a new {@link Run} with its own build number and an interpreter ready to load the program.
 * Unlike {@link Slipway#run}, nothing here cleans a run up when it ends: its containers and
 * networks stay until the caller calls {@link Run#cleanup()} (the REPL: next run, reset, quit).
 */
public final class SessionRuns {
  private static final int MAX_CALL_DEPTH = 10_000;

  /** Why a run cannot start: the result {@link Slipway#run} would have returned. */
  public static final class Refused extends Exception {
    private final RunResult result;

    Refused(RunResult result) {
      super(result.error(), null, false, false);
      this.result = result;
    }

    public RunResult result() {
      return result;
    }
  }

  /** A run with an interpreter whose program is not loaded yet (see {@link #load()}). */
  public record Prepared(Run run, Interpreter interp, CheckedProgram program) {
    /**
     * Runs the top level (which builds the plan) and reads the secrets whose names are
     * computed; returns the plan, or null when the file declares no pipeline.
     */
    public Plan load() {
      interp.load(Slipway.programs(program));
      Slipway.registerComputedSecrets(program, interp, run.secrets());
      return run.service(PlanHolder.class, PlanHolder::new).plan();
    }

    /** The pipeline file. */
    public SourceFile file() {
      return program.main().file();
    }
  }

  private final BuiltinRegistry registry;
  private final RunOptions options;
  private final Session session;
  private final Path dir;

  private SessionRuns(BuiltinRegistry registry, RunOptions options, Session session, Path dir) {
    this.registry = registry;
    this.options = options;
    this.session = session;
    this.dir = dir;
  }

  /**
   * Opens a session for the directory of {@code checked}'s file: reads its secrets and
   * registers them for masking, and provides the workspace and command runners.
   */
  public static SessionRuns open(BuiltinRegistry registry, CheckResult checked,
      RunOptions options) throws Refused {
    return open(registry, checked, options, new SecretMasker());
  }

  /**
   * As {@link #open(BuiltinRegistry, CheckResult, RunOptions)}, masking with {@code masker}
   * (shared with the caller's other output, as the REPL's).
   */
  public static SessionRuns open(BuiltinRegistry registry, CheckResult checked,
      RunOptions options, SecretMasker masker) throws Refused {
    if (!checked.ok()) {
      throw usage(checked.renderer(false).render(checked.diagnostics()));
    }
    CheckedProgram program = checked.program();
    Path dir = Slipway.dirOf(program.main().file());
    String pipeline = Slipway.pipelineName(program.main());
    Map<String, String> env = environment(options);
    SecretStore secrets;
    try {
      secrets = SecretStore.load(env, dir.resolve(".slipway").resolve("secrets"), masker);
    } catch (IOException e) {
      throw usage("cannot read .slipway/secrets: " + e.getMessage());
    }
    secrets.registerFileValues();
    EventSink events = new MaskingSink(options.events(), masker);
    Session session = new Session(pipeline, dir, events, masker, options.engineFactory())
        .secrets(secrets)
        .flags(new RunFlags(options.keep(), options.approveAll(), options.interactive(),
            options.debug()))
        .approver(options.approver());
    session.scope().provide(Workspace.class, new Workspace(dir, options.hostPaths()));
    AgentRunner agents = options.agents() != null ? options.agents()
        : ServiceLoader.load(AgentRunner.class).findFirst().orElse(null);
    session.scope().provide(CommandRunners.class,
        new CommandRunners(new HostCommandRunner(env), agents));
    if (agents != null) {
      session.scope().provide(AgentRunner.class, agents);
    }
    return new SessionRuns(registry, options, session, dir);
  }

  private static Map<String, String> environment(RunOptions options) {
    return options.environment() != null ? options.environment() : System.getenv();
  }

  public Session session() {
    return session;
  }

  /** The pipeline directory this session serves. */
  public Path dir() {
    return dir;
  }

  /**
   * A new run of {@code checked} (a file of this session's directory) with {@code params},
   * stopping at {@code debugger}'s breakpoints. The program is not loaded yet.
   */
  public Prepared prepare(CheckResult checked, Map<String, String> params, Debugger debugger)
      throws Refused {
    CheckedProgram program = checkedProgram(checked);
    Map<String, Object> values = values(checked, params);
    String pipeline = Slipway.pipelineName(program.main());
    long number;
    try {
      number = BuildNumbers.next(dir, pipeline);
    } catch (IOException e) {
      throw new Refused(new RunResult(io.slipway.run.Status.FAILED, 3,
          "cannot update the build number in " + dir.resolve(".slipway") + ": "
              + e.getMessage()));
    }
    String runId = pipeline.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + number + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    session.pipeline(pipeline).build(BuildInfo.of(pipeline, number, runId, dir.toString()));
    Run run = session.newRun(runId);
    if (options.onStart() != null) {
      options.onStart().accept(run);
    }
    Interpreter interp = interpreter(run, program, values, debugger);
    if (options.engineFactory() != null
        && DockerUse.usesDocker(registry, Slipway.programs(program))) {
      run.connectEarly();
      AgentRunner agents = session.scope().service(AgentRunner.class);
      if (agents != null) {
        Thread.ofPlatform().daemon().name("slipway-agents-prepare")
            .start(() -> agents.prepare(run));
      }
    }
    return new Prepared(run, interp, program);
  }

  /**
   * A new interpreter for {@code checked} inside an existing run ({@code :reload}): what the run
   * created stays, the new program's top level builds a new plan.
   */
  public Prepared reprepare(Run run, CheckResult checked, Map<String, String> params,
      Debugger debugger) throws Refused {
    CheckedProgram program = checkedProgram(checked);
    Map<String, Object> values = values(checked, params);
    run.scope().provide(PlanHolder.class, new PlanHolder());
    return new Prepared(run, interpreter(run, program, values, debugger), program);
  }

  private CheckedProgram checkedProgram(CheckResult checked) throws Refused {
    if (!checked.ok()) {
      throw usage(checked.renderer(false).render(checked.diagnostics()));
    }
    CheckedProgram program = checked.program();
    SecretStore secrets = session.secrets();
    List<String> missing = secrets.missing(program.secretNames());
    if (!missing.isEmpty()) {
      throw usage(checked.renderer(false).render(Slipway.missingSecrets(program, missing)));
    }
    program.secretNames().forEach(secrets::get);
    return program;
  }

  private static Map<String, Object> values(CheckResult checked, Map<String, String> params)
      throws Refused {
    var diags = new Diagnostics();
    Map<String, Object> values = ParamOverrides.convert(checked.program().params(), params,
        diags);
    if (diags.hasErrors()) {
      throw usage(checked.renderer(false).render(diags.sorted()));
    }
    return values;
  }

  private Interpreter interpreter(Run run, CheckedProgram program, Map<String, Object> values,
      Debugger debugger) {
    Interpreter interp = new Interpreter(registry, run, debugger, values, MAX_CALL_DEPTH);
    interp.staticScopes(program.types()::scopeAt);
    return interp;
  }

  /** Removes everything the session still holds and closes its engine connections. */
  public List<String> close() {
    return session.close();
  }

  private static Refused usage(String message) {
    return new Refused(new RunResult(io.slipway.run.Status.FAILED, 2, message));
  }
}
