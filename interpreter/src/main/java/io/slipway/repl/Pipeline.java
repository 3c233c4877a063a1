package io.slipway.repl;

import io.slipway.api.CheckResult;
import io.slipway.api.PlanResult;
import io.slipway.api.RunOptions;
import io.slipway.api.SessionRuns;
import io.slipway.api.Slipway;
import io.slipway.debug.DebugPoint;
import io.slipway.debug.Pause;
import io.slipway.debug.StepController;
import io.slipway.debug.Stepping;
import io.slipway.engine.RunResources;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.Scheduler;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Run;
import io.slipway.run.SecretMasker;
import io.slipway.run.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REPL's pipeline side: the loaded file, the session its runs share, and the current run,
 * which lives on after it ends (its containers stay) until the next {@code :run}, a
 * {@code :reset} or {@code :quit}. Runs go on their own thread; every request that lets a run
 * go on ({@code :run}, {@code :continue}, the steps, {@code :rerun}, {@code :reload}) returns
 * when the run pauses or ends, as script mode needs. A pause at a stage's start is moved to the
 * stage body's first statement, whose frame has the stage's scope and types.
 */
final class Pipeline {
  private static final Duration POLL = Duration.ofMillis(100);

  private final ReplConfig config;
  private final Slipway slipway;
  private final StepController controller;
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  private final EventSink events;
  private final SecretMasker masker;
  private Path file;
  private CheckResult checked;
  private PlanResult planned;
  private SessionRuns runs;
  private ActiveRun active;
  private Map<String, String> params = Map.of();
  private String pendingReason;
  private boolean lastFailed;

  Pipeline(ReplConfig config, StepController controller, SecretMasker masker) {
    this.config = config;
    this.masker = masker;
    this.slipway = new Slipway(config.registry());
    this.controller = controller;
    this.events = config.events().and(e -> {
      if (e instanceof Event.StageFinished f && f.status() == Status.SUCCESS) {
        completed.add(f.stage());
      } else if (e instanceof Event.StageStarted s) {
        completed.remove(s.stage());
      }
    });
  }

  CheckResult checked() {
    return checked;
  }

  Path file() {
    return file;
  }

  ActiveRun active() {
    return active;
  }

  /** The stages of the current run that have succeeded (what {@code :reload} keeps). */
  Set<String> completed() {
    return Set.copyOf(completed);
  }

  /** True when the last run or rerun that ended failed (script mode's exit code). */
  boolean lastFailed() {
    return lastFailed;
  }

  /** The plan of the loaded file (the current run's once it has one). */
  Plan plan() {
    if (active != null && active.plan() != null) {
      return active.plan();
    }
    return planned == null ? null : planned.plan();
  }

  PlanResult planned() {
    return planned;
  }

  // ------------------------------------------------------------ load

  ReplResponse load(Path path) {
    Path abs = config.dir().resolve(path).toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      abs = abs.resolve("Slipfile"); // as `slipway run DIR` does
    }
    if (!Files.isRegularFile(abs)) {
      return new ReplResponse.Failure("cannot read `" + path + "`: no such file\n");
    }
    CheckResult result = check(abs);
    if (!result.ok()) {
      return new ReplResponse.Diagnostics(result.renderer(false).render(result.diagnostics()),
          result.diagnostics());
    }
    PlanResult plan = slipway.plan(result, Map.of(), config.hostPaths());
    List<String> failures = endRun();
    if (runs != null && !runs.dir().equals(abs.getParent())) {
      failures.addAll(runs.close());
      runs = null;
    }
    file = abs;
    checked = result;
    planned = plan.ok() ? plan : null;
    // a plan may need -p values: the file is loaded anyway and :run -p gives them
    return new ReplResponse.Output(cleanupText(failures) + "loaded " + display(abs) + "\n"
        + (plan.ok() ? plan.plan().render() : "no plan without params: "
            + planFailure(result, plan).text()));
  }

  /** Checks {@code path}, naming it in diagnostics relative to the session's directory. */
  private CheckResult check(Path path) {
    try {
      return slipway.check(io.slipway.source.SourceFile.read(path, display(path)));
    } catch (java.io.IOException e) {
      return slipway.check(path);
    }
  }

  private static ReplResponse planFailure(CheckResult result, PlanResult plan) {
    if (!plan.diagnostics().isEmpty()) {
      return new ReplResponse.Diagnostics(result.renderer(false).render(plan.diagnostics()),
          plan.diagnostics());
    }
    return new ReplResponse.Failure(plan.error() == null ? "the file declares no pipeline\n"
        : plan.error().endsWith("\n") ? plan.error() : plan.error() + "\n");
  }

  private String display(Path p) {
    Path cwd = config.dir();
    return (p.startsWith(cwd) ? cwd.relativize(p) : p).toString().replace('\\', '/');
  }

  // ------------------------------------------------------------ run

  ReplResponse run(Map<String, String> overrides) {
    if (checked == null) {
      return new ReplResponse.Failure("no pipeline loaded: use :load FILE\n");
    }
    List<String> failures = endRun();
    SessionRuns.Prepared prepared;
    Gate gate = new Gate(controller);
    try {
      if (runs == null) {
        runs = SessionRuns.open(config.registry(), checked, options(), masker);
      }
      prepared = runs.prepare(checked, overrides, gate);
    } catch (SessionRuns.Refused e) {
      return new ReplResponse.Failure(cleanupText(failures) + text(e.result().error()));
    }
    params = overrides;
    completed.clear();
    controller.cancelSteps();
    ActiveRun a = new ActiveRun(prepared, gate);
    active = a;
    a.start(() -> {
      Plan plan = prepared.load();
      if (plan == null) {
        return new ActiveRun.Outcome(Status.FAILED, 2, "the file declares no pipeline");
      }
      a.plan(plan);
      Run run = prepared.run();
      run.events().emit(new Event.RunStarted(Instant.now(), run.runId(), plan.pipeline(),
          run.build().number(), prepared.file().name(), plan.stageInfos()));
      return a.schedule(new Scheduler(plan, prepared.interp(), null), true);
    });
    String head = cleanupText(failures);
    ReplResponse r = await(a);
    return head.isEmpty() ? r : prefix(head, r);
  }

  private RunOptions options() {
    return RunOptions.defaults().withEvents(events).withEngineFactory(config.engineFactory())
        .withEnvironment(config.environment()).withHostPaths(config.hostPaths())
        .withOnStart(r -> config.provideEngines(r.session()));
  }

  // ------------------------------------------------------------ waiting and stepping

  /** Waits until the run pauses or ends. */
  ReplResponse await(ActiveRun a) {
    try {
      while (true) {
        if (!a.running()) {
          return ended(a);
        }
        Optional<Pause> p = controller.awaitPause(POLL);
        if (p.isEmpty()) {
          continue;
        }
        Pause pause = p.get();
        if (pause.point().kind() == DebugPoint.Kind.STAGE) {
          // the stage's frame holds only what its body closes over: stop at its first
          // statement, where its scope, receiver and static types are
          pendingReason = pause.reason();
          controller.step(Stepping.INTO);
          continue;
        }
        String reason = pendingReason != null && "step".equals(pause.reason())
            ? pendingReason : pause.reason();
        pendingReason = null;
        return Inspection.paused(pause, reason, a.run().masker());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ReplResponse.Failure("interrupted while the run goes on; it is still "
          + "running\n");
    }
  }

  private ReplResponse ended(ActiveRun a) {
    ActiveRun.Outcome o = a.outcome();
    lastFailed = o.exitCode() != 0;
    String what = a.label();
    String verb = switch (o.status()) {
      case SUCCESS -> "succeeded";
      case FAILED -> "failed";
      case CANCELLED -> "was cancelled";
      default -> o.status().label();
    };
    String text = what + " " + verb
        + (o.error() == null ? "" : ":\n" + text(o.error()).stripTrailing()) + "\n";
    return new ReplResponse.RunEnded(text, o.status(), o.exitCode());
  }

  /** A control request on the paused run: resume, step or skip, then wait again. */
  ReplResponse control(ReplRequest r) {
    ActiveRun a = active;
    if (a == null || controller.current().isEmpty()) {
      return new ReplResponse.Failure(a != null && a.running()
          ? "the run is running, not paused\n" : "no run is paused\n");
    }
    boolean done = switch (r) {
      case ReplRequest.Continue c -> controller.resume();
      case ReplRequest.Step s -> controller.step(Stepping.INTO);
      case ReplRequest.Next n -> controller.step(Stepping.OVER);
      case ReplRequest.Finish f -> controller.step(Stepping.OUT);
      case ReplRequest.Skip s -> controller.skipStage();
      default -> throw new IllegalArgumentException(r.toString());
    };
    return done ? await(a) : new ReplResponse.Failure("no run is paused\n");
  }

  /** The focused pause of the current run, if it is paused. */
  Optional<Pause> pause() {
    return active == null ? Optional.empty() : controller.current();
  }

  // ------------------------------------------------------------ rerun and reload

  ReplResponse rerun(String stage) {
    ActiveRun old = active;
    if (old == null || old.plan() == null) {
      return new ReplResponse.Failure("no run to rerun a stage of: use :run first\n");
    }
    if (old.plan().stage(stage) == null) {
      return new ReplResponse.Failure("unknown stage `" + stage + "`; stages: "
          + String.join(", ", old.plan().stages().stream().map(Plan.Stage::name).toList()) + "\n");
    }
    if (old.run().isCancelled()) {
      return new ReplResponse.Failure("the run was cancelled; start a new one with :run\n");
    }
    old.stop(controller);
    controller.cancelSteps();
    List<String> failures = new ArrayList<>();
    String healed = NetCommands.healForRerun(old.run(), failures);
    failures.addAll(removeCreatedBy(old.run(), List.of(stage)));
    Gate gate = new Gate(controller);
    old.prepared().interp().debugger(gate);
    ActiveRun a = new ActiveRun(old.prepared(), gate);
    a.plan(old.plan());
    a.label("stage " + stage);
    active = a;
    a.start(() -> a.schedule(new Scheduler(a.plan(), a.prepared().interp(), stage), false));
    return prefix(healed + cleanupText(failures), await(a));
  }

  ReplResponse reload() {
    if (file == null) {
      return new ReplResponse.Failure("no pipeline loaded: use :load FILE\n");
    }
    CheckResult result = check(file);
    if (!result.ok()) {
      return new ReplResponse.Diagnostics(result.renderer(false).render(result.diagnostics()),
          result.diagnostics());
    }
    PlanResult plan = slipway.plan(result, params, config.hostPaths());
    if (!plan.ok()) {
      return planFailure(result, plan);
    }
    checked = result;
    planned = plan;
    controller.cancelSteps();
    ActiveRun old = active;
    if (old == null || old.plan() == null || old.run().isCancelled()) {
      return new ReplResponse.Output("reloaded " + display(file) + "\n");
    }
    old.stop(controller);
    Set<String> keep = new LinkedHashSet<>();
    for (Plan.Stage s : plan.plan().stages()) {
      if (completed.contains(s.name())) {
        keep.add(s.name());
      }
    }
    if (keep.size() == plan.plan().stages().size()) {
      return new ReplResponse.Output("reloaded " + display(file)
          + "; every stage had completed, nothing to continue\n");
    }
    // the stages that run again start afresh, under the same container and network names
    List<String> failures = new ArrayList<>();
    String healed = NetCommands.healForRerun(old.run(), failures);
    failures.addAll(removeCreatedBy(old.run(), plan.plan().stages().stream().map(Plan.Stage::name)
        .filter(name -> !keep.contains(name)).toList()));
    Gate gate = new Gate(controller);
    SessionRuns.Prepared prepared;
    try {
      prepared = runs.reprepare(old.run(), result, params, gate);
    } catch (SessionRuns.Refused e) {
      return new ReplResponse.Failure(text(e.result().error()));
    }
    ActiveRun a = new ActiveRun(prepared, gate);
    active = a;
    Map<String, Object> before = old.prepared().interp().globals().visible();
    a.start(() -> {
      Plan p = prepared.load();
      if (p == null) {
        return new ActiveRun.Outcome(Status.FAILED, 2, "the file declares no pipeline");
      }
      Globals.carryOver(before, prepared.interp().globals());
      a.plan(p);
      return a.schedule(new Scheduler(p, prepared.interp(), null, keep), true);
    });
    return prefix(healed + cleanupText(failures) + "reloaded " + display(file) + "; continuing after "
        + (keep.isEmpty() ? "no completed stage" : String.join(", ", keep)) + "\n", await(a));
  }

  /**
   * Removes what {@code stages} of {@code run} created, on every engine the run used (the
   * default one and those of {@code on(engine) { }} blocks), so that they run again afresh under
   * the same names. Returns failures.
   */
  private static List<String> removeCreatedBy(Run run, List<String> stages) {
    RunResources resources = run.scope().service(RunResources.class);
    List<String> failures = new ArrayList<>();
    if (resources != null) {
      stages.forEach(s -> failures.addAll(resources.removeCreatedBy(s)));
    }
    return failures;
  }

  // ------------------------------------------------------------ ending

  /** Stops the current run if it is going, then removes what it made. Returns failures. */
  List<String> endRun() {
    ActiveRun a = active;
    active = null;
    if (a == null) {
      return new ArrayList<>();
    }
    if (a.running()) {
      // a run ended before it finished (quit at a failure, a new :run) did not succeed
      lastFailed = true;
      a.run().cancel("ended in the REPL");
      a.stop(controller);
    }
    return new ArrayList<>(a.run().cleanup());
  }

  /** Cancels the running run (Ctrl-C); false when none is running. */
  boolean cancel() {
    ActiveRun a = active;
    if (a == null || !a.running()) {
      return false;
    }
    // the scheduler interrupts its stages, a paused one included
    a.run().cancel("interrupted");
    return true;
  }

  /** Ends the run and the session: everything they made is removed. */
  List<String> close() {
    List<String> failures = endRun();
    if (runs != null) {
      failures.addAll(runs.close());
      runs = null;
    }
    file = null;
    checked = null;
    planned = null;
    return failures;
  }

  static String cleanupText(List<String> failures) {
    var sb = new StringBuilder();
    for (String f : failures) {
      sb.append("cleanup failed: ").append(f).append('\n');
    }
    return sb.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s.endsWith("\n") ? s : s + "\n";
  }

  private static ReplResponse prefix(String head, ReplResponse r) {
    if (head.isEmpty()) {
      return r;
    }
    return switch (r) {
      case ReplResponse.Paused p -> new ReplResponse.Paused(head + p.text(), p.stage(), p.file(),
          p.line(), p.reason());
      case ReplResponse.RunEnded e -> new ReplResponse.RunEnded(head + e.text(), e.status(),
          e.exitCode());
      case ReplResponse.Failure f -> new ReplResponse.Failure(head + f.text());
      default -> r;
    };
  }
}
