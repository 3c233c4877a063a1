package io.slipway.api;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.check.CheckedProgram;
import io.slipway.check.Checker;
import io.slipway.check.FileModuleLoader;
import io.slipway.check.ParamOverrides;
import io.slipway.check.SecretName;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Diagnostics;
import io.slipway.interp.Cancelled;
import io.slipway.interp.ErrorRenderer;
import io.slipway.interp.Interpreter;
import io.slipway.interp.NotAtPlanTime;
import io.slipway.interp.PlanTrace;
import io.slipway.interp.Undecidable;
import io.slipway.pipeline.AgentRunner;
import io.slipway.pipeline.CommandRunners;
import io.slipway.pipeline.HostCommandRunner;
import io.slipway.pipeline.Plan;
import io.slipway.builtin.PlanException;
import io.slipway.pipeline.PlanHolder;
import io.slipway.pipeline.PlanPreview;
import io.slipway.pipeline.Scheduler;
import io.slipway.pipeline.StageThreads;
import io.slipway.run.BuildInfo;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.MaskingSink;
import io.slipway.run.RunFlags;
import io.slipway.run.Run;
import io.slipway.run.SecretMasker;
import io.slipway.run.SecretStore;
import io.slipway.run.Session;
import io.slipway.run.Status;
import io.slipway.run.Workspace;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.stack.DeepStack;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Program;
import io.slipway.value.SlipException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The one entry point of the CLI, the examples and the tests: check a file, plan it, run it.
 * Nothing touches Docker until the file checks clean, and a pipeline whose steps never need
 * Docker never calls the engine factory.
 */
public final class Slipway {
  /** Deep enough for real recursion, well within a stage thread's stack. */
  private static final int MAX_CALL_DEPTH = 10_000;

  private final BuiltinRegistry registry;
  private final java.util.function.Consumer<io.slipway.syntax.ast.Program> parsed;

  public Slipway(BuiltinRegistry registry) {
    this(registry, null);
  }

  private Slipway(BuiltinRegistry registry, java.util.function.Consumer<io.slipway.syntax.ast.Program> parsed) {
    this.registry = registry;
    this.parsed = parsed;
  }

  /**
   * This facade, telling {@code parsed} each checked file's syntax tree as soon as it is parsed,
   * before the (longer) check: {@code slipway run} starts connecting to the engine there when the
   * tree calls Docker. The tree must not be changed; a failure of {@code parsed} is ignored.
   */
  public Slipway whenParsed(java.util.function.Consumer<io.slipway.syntax.ast.Program> parsed) {
    return new Slipway(registry, parsed);
  }

  /** Parses, resolves imports, type-checks a pipeline file. Never throws for bad input. */
  public CheckResult check(Path file) {
    return check(file, false);
  }

  /**
   * As {@link #check(Path)}; with {@code allowLibrary}, a file holding no top-level
   * {@code pipeline(...)} call is checked as the library it is (what {@code slipway check
   * lib/*.slip} means), instead of being told it lacks a pipeline.
   */
  public CheckResult check(Path file, boolean allowLibrary) {
    String display = displayName(file);
    SourceFile source;
    try {
      source = SourceFile.read(file, display);
    } catch (IOException e) {
      SourceFile empty = SourceFile.of(display, "");
      String why = java.nio.file.Files.exists(file) || java.nio.file.Files.isSymbolicLink(file)
          ? e.getMessage() : "no such file";
      return new CheckResult(List.of(Diagnostic.error(Code.E0501, empty, Span.NONE,
          "cannot read `" + display + "`: " + why)), null);
    }
    return check(source, allowLibrary);
  }

  /** Checks a pipeline file already in memory (its path, if any, locates imports). */
  public CheckResult check(SourceFile source) {
    return check(source, false);
  }

  private CheckResult check(SourceFile source, boolean allowLibrary) {
    // The checker recurses as deep as the file nests (and into imports).
    return DeepStack.call("slipway-check", () -> checkHere(source, allowLibrary));
  }

  private CheckResult checkHere(SourceFile source, boolean allowLibrary) {
    var out = new Diagnostics();
    ParseResult parsed = SlipParser.parse(source);
    out.addAll(parsed.diagnostics());
    if (this.parsed != null && parsed.program() != null) {
      try {
        this.parsed.accept(parsed.program());
      } catch (RuntimeException ignored) {
        // a head start only (see whenParsed)
      }
    }
    boolean pipelineFile = !allowLibrary || !Checker.pipelineCalls(parsed.program()).isEmpty();
    CheckedProgram program = new Checker(registry).check(parsed.program(),
        new FileModuleLoader(), out, pipelineFile);
    var diagnostics = SyntaxShadow.filter(parsed.program(), out.sorted());
    return new CheckResult(diagnostics, program, diagnostics.isEmpty() ? null
        : knownSecrets(source, program));
  }

  /** What diagnostics about {@code source} must mask (only computed when there are some). */
  private static SecretMasker knownSecrets(SourceFile source, CheckedProgram program) {
    return SecretStore.knownFor(dirOf(source), System.getenv(),
        program == null ? List.of() : program.secretNames());
  }

  /**
   * {@code slipway plan}: evaluates the top level, the {@code pipeline} block and then every
   * stage body and post block in the interpreter's planning mode, which runs no command, starts
   * no container, sends no request and writes no file (see {@link RunState#planOnly()}): such
   * calls are listed as the run's operations and their results are values computed at run time.
   */
  public PlanResult plan(CheckResult checked, Map<String, String> params) {
    return plan(checked, params, List.of());
  }

  /** As {@link #plan(CheckResult, Map)}, with host directories file builtins may use. */
  public PlanResult plan(CheckResult checked, Map<String, String> params, List<Path> hostPaths) {
    if (!checked.ok()) {
      return new PlanResult(checked.diagnostics(), null, null, "");
    }
    CheckedProgram program = checked.program();
    var diags = new Diagnostics();
    Map<String, Object> values = ParamOverrides.convert(program.params(), params, diags);
    if (diags.hasErrors()) {
      return new PlanResult(diags.sorted(), null, null, "");
    }
    Path dir = dirOf(program.main().file());
    String pipeline = pipelineName(program.main());
    var masker = new SecretMasker();
    var session = new Session(pipeline, dir, EventSink.NONE, masker, () -> {
      throw new NotAtPlanTime("the container engine");
    });
    session.scope().provide(Workspace.class, new Workspace(dir, hostPaths));
    try {
      SecretStore store = SecretStore.load(System.getenv(), secretsFile(dir), masker)
          .withPlaceholders();
      store.registerFileValues();
      checked.program().secretNames().forEach(store::get);
      session.secrets(store);
      session.build(BuildInfo.of(pipeline, BuildNumbers.peek(dir, pipeline), "plan",
          dir.toString()));
    } catch (IOException e) {
      return new PlanResult(List.of(), null, "cannot read .slipway/: " + e.getMessage(), "");
    }
    Run run = session.newRun("plan").planOnly(true);
    run.service(CommandRunners.class, () -> new CommandRunners((command, out) -> {
      throw new NotAtPlanTime("the host");
    }, null));
    PlanTrace trace = run.service(PlanTrace.class, PlanTrace::new);
    List<PlanTrace.Entry> main = new ArrayList<>();
    trace.section(main);
    Interpreter interp = new Interpreter(registry, run, null, values, MAX_CALL_DEPTH);
    PlanPreview preview;
    try {
      preview = StageThreads.call("slipway-plan", () -> {
        interp.load(programs(program));
        trace.finish();
        Plan plan = run.service(PlanHolder.class, PlanHolder::new).plan();
        return plan == null ? null : PlanPreview.evaluate(plan, interp, main);
      });
    } catch (PlanException e) {
      return new PlanResult(List.of(e.diagnostic()), null, null, "");
    } catch (SlipException e) {
      return new PlanResult(List.of(), null, masker.mask(ErrorRenderer.render(e)), "");
    } catch (Undecidable e) {
      return new PlanResult(List.of(), null, "the pipeline depends on "
          + e.value().origin().describe() + ", known only at run time", "");
    }
    registerComputedSecrets(program, interp, run.secrets());
    if (preview == null) {
      return new PlanResult(List.of(), null, "the file declares no pipeline", "");
    }
    return new PlanResult(List.of(), preview, null, masker.mask(preview.render()));
  }

  /** Runs the pipeline. Never throws for pipeline failures: they are in the result. */
  public RunResult run(CheckResult checked, RunOptions options) {
    if (!checked.ok()) {
      return usage(checked.renderer(false).render(checked.diagnostics()));
    }
    CheckedProgram program = checked.program();
    var diags = new Diagnostics();
    Map<String, Object> values = ParamOverrides.convert(program.params(), options.params(),
        diags);
    if (diags.hasErrors()) {
      return usage(checked.renderer(false).render(diags.sorted()));
    }
    SourceFile main = program.main().file();
    Path dir = dirOf(main);
    String pipeline = pipelineName(program.main());
    Map<String, String> env = options.environment() != null ? options.environment()
        : System.getenv();
    var masker = new SecretMasker();
    SecretStore secrets;
    try {
      secrets = SecretStore.load(env, secretsFile(dir), masker);
    } catch (IOException e) {
      return usage("cannot read .slipway/secrets: " + e.getMessage());
    }
    List<String> missing = secrets.missing(program.secretNames());
    if (!missing.isEmpty()) {
      return usage(checked.renderer(false).render(missingSecrets(program, missing)));
    }
    // known secrets are masked from the first line of output, not only once read
    secrets.registerFileValues();
    program.secretNames().forEach(secrets::get);
    long number;
    try {
      number = BuildNumbers.next(dir, pipeline);
    } catch (IOException e) {
      return new RunResult(Status.FAILED, 3, "cannot update the build number in "
          + dir.resolve(".slipway") + ": " + e.getMessage());
    }
    String runId = pipeline.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + number + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    EventSink events = new MaskingSink(options.events(), masker);
    Session session = new Session(pipeline, dir, events, masker, options.engineFactory())
        .secrets(secrets)
        .build(BuildInfo.of(pipeline, number, runId, dir.toString()))
        .flags(new RunFlags(options.keep(), options.approveAll(), options.interactive(),
            options.debug()))
        .approver(options.approver());
    Run run = session.newRun(runId);
    session.scope().provide(Workspace.class, new Workspace(dir, options.hostPaths()));
    AgentRunner agents = agents(options);
    session.scope().provide(CommandRunners.class,
        new CommandRunners(new HostCommandRunner(env), agents));
    if (options.onStart() != null) {
      options.onStart().accept(run);
    }
    if (options.engineFactory() != null
        && io.slipway.pipeline.DockerUse.usesDocker(registry, programs(program))) {
      // the first agent or container needs the engine anyway: connect while the top level runs
      run.connectEarly();
      if (agents != null) {
        Thread.ofPlatform().daemon().name("slipway-agents-prepare").start(() -> agents.prepare(run));
      }
    }
    Runner runner = new Runner(registry, program, options, run, values, main);
    return StageThreads.call("slipway-run", runner::execute);
  }

  /**
   * Reads, and so registers for masking, every secret whose name is computed: each name its
   * expression can give with the params now known (issue 11 item 6). Runs after the top level
   * and before the first stage; a name that is not available is not an error here (the branch
   * naming it may never run), reading it is.
   */
  static void registerComputedSecrets(CheckedProgram program, Interpreter interp,
      SecretStore secrets) {
    if (program.computedSecretNames().isEmpty()) {
      return;
    }
    var params = interp.paramsObject();
    for (SecretName name : program.computedSecretNames()) {
      for (String candidate : name.candidates(p -> params.has(p) ? params.get(p) : null)) {
        secrets.get(candidate);
      }
    }
  }

  private static AgentRunner agents(RunOptions options) {
    if (options.agents() != null) {
      return options.agents();
    }
    return ServiceLoader.load(AgentRunner.class).findFirst().orElse(null);
  }

  private static RunResult usage(String message) {
    return new RunResult(Status.FAILED, 2, message);
  }

  /** The imported programs (dependency order), then the main one. */
  static List<Program> programs(CheckedProgram program) {
    var all = new ArrayList<>(program.imports());
    all.add(program.main());
    return all;
  }

  static List<Diagnostic> missingSecrets(CheckedProgram program, List<String> missing) {
    List<Diagnostic> out = new ArrayList<>();
    for (String name : missing) {
      SourceFile where = program.main().file();
      Span span = Span.NONE;
      for (Program p : programs(program)) {
        int at = p.file().text().indexOf("secret(\"" + name + "\"");
        if (at >= 0) {
          where = p.file();
          span = new Span(at, at + "secret(\"".length() + name.length() + 2);
          break;
        }
      }
      out.add(Diagnostic.error(Code.E0506, where, span, "secret `" + name + "` is not available")
          .withHint("set the environment variable `" + name + "` or add `" + name
              + "=...` to .slipway/secrets"));
    }
    return out;
  }

  static Path dirOf(SourceFile f) {
    Path p = f.path() != null ? f.path() : Path.of(f.name());
    Path parent = p.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private static Path secretsFile(Path dir) {
    return dir.resolve(".slipway").resolve("secrets");
  }

  /** The literal name of the file's {@code pipeline("name")}, else the file name. */
  static String pipelineName(Program main) {
    for (Expr.Call c : Checker.pipelineCalls(main)) {
      if (!c.args().isEmpty()
          && c.args().get(0).value() instanceof Expr.Str str
          && str.parts().size() == 1
          && str.parts().get(0) instanceof io.slipway.syntax.ast.TemplatePart.Text t) {
        return t.text();
      }
    }
    String name = Path.of(main.file().name()).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String displayName(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : file).toString().replace('\\', '/');
  }

  /** One run, from the top level to the last cleanup. */
  private record Runner(BuiltinRegistry registry, CheckedProgram program, RunOptions options,
      Run run, Map<String, Object> values, SourceFile main) {

    RunResult execute() {
      Instant start = Instant.now();
      Status status = Status.FAILED;
      int exit = 1;
      String error = null;
      boolean badStage = false;
      try {
        Interpreter interp = new Interpreter(registry, run, options.debugger(), values,
            MAX_CALL_DEPTH);
        interp.staticScopes(program.types()::scopeAt);
        try {
          interp.load(programs(program));
        } catch (PlanException e) {
          exit = 2;
          error = new DiagnosticRenderer(false).render(List.of(e.diagnostic()));
          return new RunResult(status, exit, run.masker().mask(error));
        }
        registerComputedSecrets(program, interp, run.secrets());
        Plan plan = run.service(PlanHolder.class, PlanHolder::new).plan();
        if (plan == null) {
          exit = 2;
          error = "the file declares no pipeline";
          return new RunResult(status, exit, error);
        }
        String only = options.onlyStage();
        if (only != null && plan.stage(only) == null) {
          exit = 2;
          badStage = true;
          List<String> names = plan.stages().stream().map(Plan.Stage::name).toList();
          String hint = io.slipway.check.DidYouMean.hint(only, names);
          error = "error: unknown stage `" + only + "` (--stage)"
              + (hint == null ? "" : "; " + hint) + "\n  the stages are: "
              + String.join(", ", names);
          return new RunResult(status, exit, error);
        }
        run.events().emit(new Event.RunStarted(Instant.now(), run.runId(), plan.pipeline(),
            run.build().number(), main.name(), plan.stageInfos().stream()
                .filter(s -> only == null || s.name().equals(only)).toList()));
        Scheduler.Outcome outcome = new Scheduler(plan, interp, only).run();
        status = outcome.status();
        if (status == Status.SUCCESS) {
          exit = 0;
        } else if (status == Status.CANCELLED) {
          error = "cancelled: " + run.cancelReason();
        } else if (outcome.failure() != null) {
          error = render(outcome.failure());
          exit = outcome.failure().infrastructure() ? 3 : 1;
        }
        return new RunResult(status, exit, error == null ? null : run.masker().mask(error));
      } catch (SlipException e) {
        error = render(e);
        exit = e.infrastructure() ? 3 : 1;
        return new RunResult(status, exit, run.masker().mask(error));
      } catch (Cancelled e) {
        status = Status.CANCELLED;
        error = "cancelled: " + e.getMessage();
        return new RunResult(status, exit, error);
      } catch (RuntimeException e) {
        if (options.debug()) {
          e.printStackTrace();
        }
        error = "internal error: " + e;
        return new RunResult(status, 3, run.masker().mask(error));
      } finally {
        List<String> failures = new ArrayList<>(run.cleanup());
        // a cancelled run does not wait for an engine connection still under way
        failures.addAll(run.session().close(!run.isCancelled()));
        for (String f : failures) {
          run.events().emit(new Event.Log(Instant.now(), null, Event.Stream.STDERR,
              "cleanup failed: " + f));
        }
        if (!badStage) {
          // a mistyped --stage is a usage error, reported once by the caller: no run started,
          // so no (empty) summary table either
          run.events().emit(new Event.RunFinished(Instant.now(), status,
              Duration.between(start, Instant.now()), error, exit));
        }
      }
    }

    private String render(SlipException e) {
      return ErrorRenderer.render(e);
    }
  }
}
