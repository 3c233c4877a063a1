package io.slipway.pipeline;

import io.slipway.interp.Cancelled;
import io.slipway.interp.Closure;
import io.slipway.interp.ErrorRenderer;
import io.slipway.interp.Evaluator;
import io.slipway.interp.Interpreter;
import io.slipway.interp.StageSkipped;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.run.Status;
import io.slipway.scope.ResourceScope;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a plan: each stage on its own thread ({@link StageThreads}) as soon as what it depends on has finished
 * (the previous stage or group in declaration order, or its {@code needs}), so a
 * {@code parallel} group's stages run concurrently. A failed stage cancels every stage not yet
 * started, unless it is in a group with {@code failFast = false} (then only what depends on it
 * is cancelled). {@code onlyIf} false skips a stage. Then the {@code post} blocks run.
 */
public final class Scheduler {
  private final Plan plan;
  private final Interpreter interp;
  private final Run run;
  private final String only;
  private final Map<String, Status> status = new LinkedHashMap<>();
  private final Map<String, Evaluator> running = new ConcurrentHashMap<>();
  private boolean stopAll;
  private SlipException firstFailure;

  /** The outcome: overall status and the first failure (null on success). */
  public record Outcome(Status status, SlipException failure) {}

  /** @param only the single stage to run ({@code --stage}), or null for all */
  public Scheduler(Plan plan, Interpreter interp, String only) {
    this(plan, interp, only, Set.of());
  }

  /**
   * @param only the single stage to run ({@code --stage}), or null for all
   * @param completed stages that already succeeded in this run (the REPL's {@code :reload}
   *     continues after them): they are not run again and count as succeeded for what needs them
   */
  public Scheduler(Plan plan, Interpreter interp, String only, Set<String> completed) {
    this.plan = plan;
    this.interp = interp;
    this.run = interp.run();
    this.only = only;
    for (Plan.Stage s : plan.stages()) {
      if (only == null || only.equals(s.name())) {
        status.put(s.name(), completed.contains(s.name()) ? Status.SUCCESS : Status.PENDING);
      }
    }
  }

  public Outcome run() {
    Consumer<String> onCancel = reason -> stopEverything(new Cancelled(reason));
    run.onCancel(onCancel);
    Thread pipelineTimer = startPipelineTimer();
    try {
      schedule();
      boolean cancelled = run.isCancelled();
      if (!cancelled && only == null) {
        runPost();
      }
      synchronized (this) {
        Status overall = cancelled ? Status.CANCELLED
            : firstFailure != null || status.containsValue(Status.FAILED) ? Status.FAILED
            : Status.SUCCESS;
        return new Outcome(overall, firstFailure);
      }
    } finally {
      if (pipelineTimer != null) {
        pipelineTimer.interrupt();
      }
      run.removeCancelListener(onCancel);
    }
  }

  private Thread startPipelineTimer() {
    Duration t = plan.options().timeout();
    if (t == null) {
      return null;
    }
    return Thread.ofVirtual().start(() -> {
      try {
        run.clock().sleep(t); // stands still while a debugger holds the run paused
      } catch (InterruptedException e) {
        return;
      }
      stopEverything(new SlipException("Timeout", "pipeline `" + plan.pipeline()
          + "` timed out after " + Values.showDuration(t)));
    });
  }

  private void stopEverything(RuntimeException reason) {
    synchronized (this) {
      stopAll = true;
      notifyAll();
    }
    running.values().forEach(ev -> ev.interrupt(reason));
  }

  private synchronized void schedule() {
    while (true) {
      boolean changed = false;
      for (Plan.Stage s : plan.stages()) {
        if (status.get(s.name()) != Status.PENDING) {
          continue;
        }
        if (stopAll) {
          finish(s.name(), Status.CANCELLED);
          changed = true;
          continue;
        }
        List<String> deps = only != null ? List.of() : plan.dependencies(s);
        if (deps.stream().anyMatch(d -> Set.of(Status.FAILED, Status.CANCELLED)
            .contains(status.get(d)))) {
          finish(s.name(), Status.CANCELLED);
          changed = true;
        } else if (deps.stream().allMatch(d -> Set.of(Status.SUCCESS, Status.SKIPPED)
            .contains(status.get(d)))) {
          changed = true;
          if (!s.onlyIf()) {
            finish(s.name(), Status.SKIPPED);
          } else {
            status.put(s.name(), Status.RUNNING);
            StageThreads.start("stage-" + s.name(), () -> runStage(s));
          }
        }
      }
      if (!changed) {
        if (!status.containsValue(Status.PENDING) && !status.containsValue(Status.RUNNING)) {
          return;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          stopAll = true;
        }
      }
    }
  }

  private void finish(String stage, Status st) {
    status.put(stage, st);
    run.events().emit(new Event.StageFinished(Instant.now(), stage, st, Duration.ZERO, null));
  }

  private void runStage(Plan.Stage s) {
    Instant start = Instant.now();
    Status result = Status.FAILED;
    SlipException failure = null;
    boolean stageFailFast = true;
    ResourceScope stageScope = run.scope().child(ResourceScope.Kind.STAGE, s.name());
    try {
      run.events().emit(new Event.StageStarted(start, s.name()));
      for (int number = 1; ; number++) {
        StageContext ctx = new StageContext(new StageAttempt(run, s.name(), number, stageScope),
            plan);
        Attempt a = attempt(ctx, s.body(), s);
        result = a.status;
        failure = a.failure;
        stageFailFast = ctx.options().failFast();
        int max = ctx.attempt().maxAttempts();
        if (result != Status.FAILED || number >= max || isStopped()) {
          break;
        }
        run.events().emit(new Event.Log(Instant.now(), s.name(), Event.Stream.INFO,
            "attempt " + number + " of " + max + " of stage `" + s.name() + "` failed: "
                + (failure == null ? "unknown error" : failure.error().type() + ": "
                    + failure.error().message()) + "; retrying"));
      }
    } finally {
      cleanupFailures(s.name(), stageScope.commit());
      run.events().emit(new Event.StageFinished(Instant.now(), s.name(), result,
          Duration.between(start, Instant.now()),
          failure == null ? null : ErrorRenderer.header(failure)));
      synchronized (this) {
        status.put(s.name(), result);
        if (result == Status.FAILED) {
          if (firstFailure == null) {
            firstFailure = failure;
          }
          if (plan.options().failFast() && stageFailFast
              && (s.group() == null || s.groupFailFast())) {
            stopAll = true;
          }
        }
        notifyAll();
      }
    }
  }

  private void cleanupFailures(String stage, List<String> failures) {
    for (String f : failures) {
      run.events().emit(new Event.Log(Instant.now(), stage, Event.Stream.STDERR,
          "cleanup failed: " + f));
    }
  }

  private synchronized boolean isStopped() {
    return stopAll;
  }

  private record Attempt(Status status, SlipException failure) {}

  /**
   * Runs a stage body once in the attempt's context; the attempt's scope ends whatever happens
   * (discarding what it created when another attempt follows).
   */
  private Attempt attempt(StageContext ctx, Object body, Plan.Stage s) {
    Evaluator ev = interp.newEvaluator(ctx.attempt(), s.file());
    ctx.attach(ev);
    running.put(ctx.name(), ev);
    Attempt outcome = new Attempt(Status.FAILED, null);
    try {
      if (isStopped()) {
        return outcome = new Attempt(Status.CANCELLED, null);
      }
      ev.beforeStage(s.name(), s.file(), s.span(), s.body() instanceof Closure c ? c.env() : null);
      try {
        ev.runBody(body, new StageScope(ctx), s.span(), "stage " + s.name());
      } finally {
        ev.afterStage(s.name(), s.file(), s.span());
      }
      return outcome = new Attempt(Status.SUCCESS, null);
    } catch (SlipException e) {
      e.inStage(ctx.name());
      if (e.span() == null) {
        e.locate(s.file(), s.span());
      }
      return outcome = new Attempt(Status.FAILED, e);
    } catch (StageSkipped skipped) {
      return outcome = new Attempt(Status.SKIPPED, null);
    } catch (Cancelled c) {
      return outcome = new Attempt(Status.CANCELLED, null);
    } catch (RuntimeException e) {
      // a bug must fail the stage visibly, not kill its thread and leave the run waiting
      if (run.flags().debug()) {
        e.printStackTrace();
      }
      SlipException internal = SlipException.error("internal error: " + e);
      internal.inStage(ctx.name());
      internal.locate(s.file(), s.span());
      return outcome = new Attempt(Status.FAILED, internal);
    } finally {
      running.remove(ctx.name());
      // an interruption that arrived as the body ended must not disturb the cleanup
      Thread.interrupted();
      boolean retrying = outcome.status == Status.FAILED && ctx.attempt().willRetry()
          && !isStopped();
      cleanupFailures(ctx.name(), ctx.end(retrying));
      Thread.interrupted();
    }
  }

  private void runPost() {
    boolean failed;
    synchronized (this) {
      failed = firstFailure != null || status.containsValue(Status.FAILED);
    }
    List<Plan.Post> blocks = plan.post().stream().filter(p -> switch (p.kind()) {
      case ALWAYS -> true;
      case SUCCESS -> !failed;
      case FAILURE -> failed;
    }).toList();
    if (blocks.isEmpty()) {
      return;
    }
    Instant start = Instant.now();
    run.events().emit(new Event.StageStarted(start, "post"));
    Status result = Status.SUCCESS;
    SlipException failure = null;
    ResourceScope postScope = run.scope().child(ResourceScope.Kind.STAGE, "post");
    for (Plan.Post p : blocks) {
      StageContext ctx = new StageContext(new StageAttempt(run, "post", 1, postScope), plan);
      Evaluator ev = interp.newEvaluator(ctx.attempt(), p.file());
      ctx.attach(ev);
      running.put("post", ev);
      try {
        ev.runBody(p.body(), null, p.span(), "post " + p.kind().name().toLowerCase(
            java.util.Locale.ROOT));
      } catch (SlipException e) {
        e.inStage("post");
        result = Status.FAILED;
        failure = failure == null ? e : failure;
      } catch (Cancelled c) {
        result = Status.CANCELLED;
        break;
      } catch (RuntimeException e) {
        result = Status.FAILED;
        SlipException internal = SlipException.error("internal error: " + e);
        internal.inStage("post");
        failure = failure == null ? internal.locate(p.file(), p.span()) : failure;
      } finally {
        running.remove("post");
        Thread.interrupted();
        cleanupFailures("post", ctx.end(false));
        Thread.interrupted();
      }
    }
    cleanupFailures("post", postScope.commit());
    run.events().emit(new Event.StageFinished(Instant.now(), "post", result,
        Duration.between(start, Instant.now()),
        failure == null ? null : ErrorRenderer.header(failure)));
    if (failure != null) {
      synchronized (this) {
        if (firstFailure == null) {
          firstFailure = failure;
        }
      }
    }
  }
}
