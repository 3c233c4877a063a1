package io.slipway.repl;

import io.slipway.check.CheckSession;
import io.slipway.check.CheckedProgram;
import io.slipway.check.FileModuleLoader;
import io.slipway.check.StaticScope;
import io.slipway.debug.Breakpoint;
import io.slipway.debug.Frame;
import io.slipway.debug.Pause;
import io.slipway.debug.StepController;
import io.slipway.diag.Diagnostics;
import io.slipway.engine.EngineException;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.RunResources;
import io.slipway.engine.explain.ExplainingEngine;
import io.slipway.engine.explain.Explanations;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.StageThreads;
import io.slipway.run.MaskingSink;
import io.slipway.run.SecretMasker;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REPL without a terminal, as Pkl's {@code ReplServer}: requests in ({@link #handle}),
 * responses out, program output through the configured event sink. The jline client and
 * script mode ({@code slipway repl} with piped input) are both thin loops over this.
 *
 * <p>Input is evaluated at the session's own top level, whose definitions persist, or, while
 * a run is paused, in the paused frame's scope (checked against it, and never re-entering the
 * debugger). Requests come from one client thread; {@link #interrupt()} may be called from
 * another (Ctrl-C).
 */
public final class ReplSession {
  private final ReplConfig config;
  private final SecretMasker masker = new SecretMasker();
  private final StepController controller = new StepController();
  private final Evaluation evaluation;
  private final Pipeline pipeline;
  private final Completer completer;
  private final Containers containers;
  private final Explanations explanations;
  private final NetCommands net;
  private Scratch scratch;
  private int pausedCheckerId = -1;
  private CheckSession pausedChecker;
  private volatile Thread evaluating;
  private boolean closed;

  public ReplSession(ReplConfig config) {
    // one switch for every engine of the session; explanations are masked like all output
    this.explanations = new Explanations(
        ExplainingEngine.toEvents(new MaskingSink(config.events(), masker)), config.dir());
    config = config.withEngine(explanations.wrap(config.engineFactory()))
        .withDecorator(explanations);
    this.config = config;
    this.evaluation = new Evaluation(masker);
    this.pipeline = new Pipeline(config, controller, masker);
    this.completer = new Completer(config.registry());
    this.scratch = new Scratch(config, masker);
    this.containers = new Containers(this::containerSources, masker);
    this.net = new NetCommands(containers, this::runOf, this::liveRuns,
        new MaskingSink(config.events(), masker));
  }

  /** Parses a typed line ({@code :command} or input) and handles it. */
  public ReplResponse handleLine(String line) {
    ReplCommands.Parsed parsed = ReplCommands.parse(line);
    if (parsed.error() != null) {
      return new ReplResponse.Failure(parsed.error() + "\n");
    }
    return handle(parsed.request());
  }

  /** Handles one request; returns when it is done (a run: when it pauses or ends). */
  public ReplResponse handle(ReplRequest request) {
    if (closed) {
      return new ReplResponse.Quit("", exitCode());
    }
    try {
      return dispatch(request);
    } catch (EngineException e) {
      return new ReplResponse.Failure("engine: " + e.getMessage() + "\n");
    }
  }

  private ReplResponse dispatch(ReplRequest request) {
    return switch (request) {
      case ReplRequest.Eval e -> eval(e.text());
      case ReplRequest.TypeOf t -> typeOf(t.expr());
      case ReplRequest.Complete c -> complete(c.text(), c.cursor());
      case ReplRequest.Load l -> load(l.file());
      case ReplRequest.Reload r -> pipeline.reload();
      case ReplRequest.Run r -> pipeline.run(r.params());
      case ReplRequest.Continue c -> pipeline.control(c);
      case ReplRequest.Step s -> pipeline.control(s);
      case ReplRequest.Next n -> pipeline.control(n);
      case ReplRequest.Finish f -> pipeline.control(f);
      case ReplRequest.Skip s -> pipeline.control(s);
      case ReplRequest.Rerun r -> pipeline.rerun(r.stage());
      case ReplRequest.BreakStage b -> added(controller.breakAtStage(b.stage()));
      case ReplRequest.BreakLine b -> added(controller.breakAtLine(b.file(), b.line()));
      case ReplRequest.BreakOnFailure b -> added(controller.breakOnFailure());
      case ReplRequest.Breaks b -> breaks();
      case ReplRequest.Delete d -> delete(d.id());
      case ReplRequest.Stages s -> withPlan(p -> Inspection.stages(p, pipeline.completed()));
      case ReplRequest.ShowPlan p -> pipeline.planned() != null
          ? new ReplResponse.Output(pipeline.planned().render())
          : pipeline.file() != null ? new ReplResponse.Failure("no plan: it needs params; "
              + ":run -p NAME=VALUE runs it\n") : noPipeline();
      case ReplRequest.Where w -> paused(p -> Inspection.where(p, masker(p)));
      case ReplRequest.Vars v -> pipeline.pause().isPresent()
          ? paused(p -> Inspection.vars(p, masker(p))) : new ReplResponse.Output(topLevelVars());
      case ReplRequest.Ps p -> containers.ps();
      case ReplRequest.Logs l -> containers.logs(l.name(), l.follow(), scratch.session().events());
      case ReplRequest.Exec x -> containers.exec(x.name(), x.command());
      case ReplRequest.Inspect i -> containers.inspect(i.name());
      case ReplRequest.Shell s -> containers.shell(s.name(), s.command());
      case ReplRequest.Net n -> net.handle(n);
      case ReplRequest.Help h -> help(h.command());
      case ReplRequest.Doc d -> Docs.doc(config.registry(), d.name());
      case ReplRequest.Explain x -> explain(x.on());
      case ReplRequest.Reset r -> reset();
      case ReplRequest.Quit q -> quit();
    };
  }

  // ------------------------------------------------------------ evaluation

  private ReplResponse eval(String text) {
    Optional<Pause> pause = pipeline.pause();
    if (pause.isPresent()) {
      Frame frame = pause.get().point().top();
      CheckSession checker = pausedChecker(pause.get());
      if (frame == null || checker == null) {
        return new ReplResponse.Failure("cannot evaluate here: the paused frame has no type "
            + "information\n");
      }
      return onInterpreterThread(() -> evaluation.eval(text, checker, frame::evaluate));
    }
    Scratch s = scratch;
    return onInterpreterThread(() -> evaluation.eval(text, s.checker(),
        p -> s.interp().evalTopLevel(p)));
  }

  /** Runs on a thread with an interpreter's stack; {@link #interrupt()} interrupts it. */
  private ReplResponse onInterpreterThread(java.util.concurrent.Callable<ReplResponse> body) {
    return StageThreads.call("slipway-repl-eval", () -> {
      evaluating = Thread.currentThread();
      try {
        return body.call();
      } finally {
        evaluating = null;
      }
    });
  }

  /** The checker for input at {@code pause}: one per pause, so declarations carry over. */
  private CheckSession pausedChecker(Pause pause) {
    if (pause.id() != pausedCheckerId) {
      Frame frame = pause.point().top();
      StaticScope scope = frame == null ? null : frame.staticScope();
      pausedCheckerId = pause.id();
      pausedChecker = scope == null ? null : new CheckSession(config.registry(),
          new FileModuleLoader(config.dir()), scope);
    }
    return pausedChecker;
  }

  private CheckSession currentChecker() {
    Optional<Pause> pause = pipeline.pause();
    return pause.isPresent() ? pausedChecker(pause.get()) : scratch.checker();
  }

  private ReplResponse typeOf(String expr) {
    CheckSession checker = currentChecker();
    if (checker == null) {
      return new ReplResponse.Failure("no type information for the paused frame\n");
    }
    return evaluation.typeOf(expr, checker);
  }

  /** What {@code text} lacks to be complete, or null: for a client's continuation lines. */
  public String missing(String text) {
    if (text.strip().startsWith(":")) {
      return null;
    }
    return Evaluation.missing(text);
  }

  private ReplResponse complete(String text, int cursor) {
    Collection<String> names = new TreeSet<>();
    Optional<Pause> pause = pipeline.pause();
    if (pause.isPresent() && pause.get().point().top() != null) {
      Frame f = pause.get().point().top();
      names.addAll(f.variables().keySet());
      StaticScope scope = f.staticScope();
      if (scope != null && scope.receiver() != null) {
        names.addAll(config.registry().memberNames(ownerOf(scope.receiver().toString())));
      }
    } else {
      names.addAll(scratch.interp().globals().visible().keySet());
    }
    return completer.complete(text, cursor, names, this::staticTypeName,
        () -> stageNames(), () -> containerNames());
  }

  /** The static type of {@code expr} where input would run, or null; changes nothing. */
  private String staticTypeName(String expr) {
    CheckSession checker = currentChecker();
    if (checker == null) {
      return null;
    }
    ParseResult parsed = SlipParser.parse(SourceFile.of("<complete>", expr + "\n"));
    if (!parsed.ok() || parsed.program().items().size() != 1
        || !(parsed.program().items().get(0) instanceof Stmt.ExprStmt es)) {
      return null;
    }
    var out = new Diagnostics();
    CheckedProgram checked = checker.check(parsed.program(), out);
    if (out.hasErrors() || !checked.types().has(es.expr())) {
      return null;
    }
    Type t = checked.types().type(es.expr());
    return t == null ? null : t.toString();
  }

  private static String ownerOf(String type) {
    int lt = type.indexOf('<');
    return (lt > 0 ? type.substring(0, lt) : type).replace("?", "");
  }

  private Collection<String> stageNames() {
    Plan plan = pipeline.plan();
    return plan == null ? List.of() : plan.stages().stream().map(Plan.Stage::name).toList();
  }

  private Collection<String> containerNames() {
    try {
      return containers.names();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  // ------------------------------------------------------------ commands

  private ReplResponse added(Breakpoint b) {
    return new ReplResponse.Output("breakpoint " + b.id() + ": " + b.describe() + "\n");
  }

  private ReplResponse breaks() {
    List<Breakpoint> all = controller.breakpoints();
    if (all.isEmpty()) {
      return new ReplResponse.Output("no breakpoints\n");
    }
    var sb = new StringBuilder();
    all.forEach(b -> sb.append(b.id()).append(": ").append(b.describe()).append('\n'));
    return new ReplResponse.Output(sb.toString());
  }

  private ReplResponse delete(Integer id) {
    if (id == null) {
      controller.deleteAll();
      return new ReplResponse.Output("deleted every breakpoint\n");
    }
    return controller.delete(id) ? new ReplResponse.Output("deleted breakpoint " + id + "\n")
        : new ReplResponse.Failure("no breakpoint " + id + "\n");
  }

  private ReplResponse withPlan(java.util.function.Function<Plan, String> show) {
    Plan plan = pipeline.plan();
    return plan == null ? noPipeline() : new ReplResponse.Output(show.apply(plan));
  }

  private static ReplResponse noPipeline() {
    return new ReplResponse.Failure("no pipeline loaded: use :load FILE\n");
  }

  private ReplResponse paused(java.util.function.Function<Pause, String> show) {
    Optional<Pause> p = pipeline.pause();
    return p.isEmpty() ? new ReplResponse.Failure("no run is paused\n")
        : new ReplResponse.Output(show.apply(p.get()));
  }

  /** {@code :vars} outside a pause: the session's own top-level values with their types. */
  private String topLevelVars() {
    var sb = new StringBuilder();
    new java.util.TreeMap<>(scratch.interp().globals().visible()).forEach((name, value) -> {
      if (value instanceof io.slipway.interp.UserFunction
          || value instanceof io.slipway.interp.DataClassDef) {
        return;
      }
      String type = staticTypeName(name);
      sb.append(name).append(type == null ? "" : ": " + type).append(" = ")
          .append(evaluation.show(value).replace("\n", "\\n")).append('\n');
    });
    return sb.isEmpty() ? "no variables defined\n" : sb.toString();
  }

  private SecretMasker masker(Pause p) {
    return p.point().run().masker();
  }

  private ReplResponse help(String command) {
    if (command == null) {
      return new ReplResponse.Output(ReplCommands.help());
    }
    String h = ReplCommands.help(command);
    return h == null ? new ReplResponse.Failure("no command `:" + command + "`\n")
        : new ReplResponse.Output(h);
  }

  private ReplResponse load(Path file) {
    ReplResponse r = pipeline.load(file);
    if (pipeline.file() != null) {
      // explained paths are shown relative to the pipeline's directory
      explanations.base(pipeline.file().getParent());
    }
    return r;
  }

  private ReplResponse explain(boolean on) {
    explanations.enabled(on);
    return new ReplResponse.Output(on
        ? "explain on: each Docker operation is shown as a `$ docker ...` command\n"
        : "explain off\n");
  }

  private ReplResponse reset() {
    List<String> failures = pipeline.endRun();
    failures.addAll(scratch.close());
    scratch = new Scratch(config, masker);
    controller.deleteAll();
    pausedCheckerId = -1;
    return new ReplResponse.Output(Pipeline.cleanupText(failures)
        + "reset: run ended, definitions and breakpoints cleared\n");
  }

  private ReplResponse quit() {
    List<String> failures = close();
    return new ReplResponse.Quit(Pipeline.cleanupText(failures), exitCode());
  }

  // ------------------------------------------------------------ for clients

  /** Interrupts what runs now (Ctrl-C): an evaluation, a {@code :logs -f}, or the run. */
  public boolean interrupt() {
    Thread t = evaluating;
    if (t != null) {
      t.interrupt();
      return true;
    }
    if (containers.stop()) {
      return true;
    }
    return pipeline.cancel();
  }

  /** The next run pauses before its first stage starts ({@code slipway run --pause}). */
  public void pauseAtNextStage() {
    controller.pauseAtNextStage();
  }

  /** True while a run is paused (input is then evaluated in its frame). */
  public boolean paused() {
    return pipeline.pause().isPresent();
  }

  /** {@code slipway> }, or {@code build:12> } while paused there. */
  public String prompt() {
    Optional<Pause> p = pipeline.pause();
    if (p.isEmpty()) {
      return "slipway> ";
    }
    var point = p.get().point();
    return (point.stage() == null ? "top" : point.stage()) + ":" + point.line() + "> ";
  }

  /** 1 when the last run (or rerun) failed, else 0: script mode's exit code. */
  public int exitCode() {
    return pipeline.lastFailed() ? 1 : 0;
  }

  /** The loaded pipeline file, or null. */
  public Path file() {
    return pipeline.file();
  }

  /**
   * The command a terminal client runs (with its terminal handed over) for a {@code :shell}:
   * {@code docker exec -it ID CMD...} against the default engine (as the docker CLI finds it),
   * {@code docker -H tcp://... --tlsverify --tlscacert CA --tlscert CERT --tlskey KEY exec -it ID
   * CMD...} against another engine a run used.
   */
  public static List<String> shellCommand(ReplResponse.ShellTarget target) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(target.dockerFlags());
    argv.addAll(List.of("exec", "-it", target.containerId()));
    argv.addAll(target.command());
    return argv;
  }

  /**
   * The environment of {@link #shellCommand}'s process, from the client's: for another engine
   * than the default one, without the variables that point the docker CLI at the default engine
   * ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, {@code DOCKER_TLS_VERIFY},
   * {@code DOCKER_CERT_PATH}, {@code DOCKER_TLS}), so that only the command's flags count.
   */
  public static void shellEnvironment(ReplResponse.ShellTarget target, java.util.Map<String, String> env) {
    if (!target.dockerFlags().isEmpty()) {
      List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_TLS")
          .forEach(env::remove);
    }
  }

  /** The engine of the run {@code runId}: the current run's, else the session's own. */
  private io.slipway.engine.ContainerEngine engineOf(String runId) {
    ActiveRun a = pipeline.active();
    return a != null && a.run().runId().equals(runId) ? a.run().engine()
        : scratch.session().engine();
  }

  /** The session's live run with id {@code runId}, or null. */
  private io.slipway.run.Run runOf(String runId) {
    return liveRuns().stream().filter(r -> r.runId().equals(runId)).findFirst().orElse(null);
  }

  /** The runs whose containers (and network conditions) the session holds now. */
  private List<io.slipway.run.Run> liveRuns() {
    List<io.slipway.run.Run> l = new ArrayList<>();
    l.add(scratch.run());
    ActiveRun a = pipeline.active();
    if (a != null) {
      l.add(a.run());
    }
    return l;
  }

  /**
   * The runs whose containers the container commands see, newest last, each with the engines it
   * used: the default one (through the run's own connection), then those of its
   * {@code on(engine) { }} blocks ({@link RunResources}).
   */
  private List<Containers.Source> containerSources() {
    List<Containers.Source> out = new ArrayList<>();
    for (io.slipway.run.Run run : liveRuns()) {
      RunResources resources = run.scope().service(RunResources.class);
      ResourceTracker local = resources == null ? null : resources.defaultTracker();
      List<Containers.Engine> engines = new ArrayList<>();
      engines.add(new Containers.Engine(null, engineOf(run.runId()), null,
          local == null ? id -> false : local::made));
      if (resources != null) {
        for (RunResources.Other o : resources.others()) {
          engines.add(new Containers.Engine(o.engine().address(), o.engine(), o.tls(),
              o.tracker()::made));
        }
      }
      out.add(new Containers.Source(run.runId(), engines));
    }
    return out;
  }

  /** Ends the run and the session's own top level: everything they made is removed. */
  public List<String> close() {
    if (closed) {
      return List.of();
    }
    closed = true;
    List<String> failures = new ArrayList<>(pipeline.close());
    failures.addAll(scratch.close());
    return failures;
  }
}
