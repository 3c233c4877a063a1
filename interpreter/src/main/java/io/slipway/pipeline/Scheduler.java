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
 * Runs a plan: each stage on its own thread ({@link StageThreads}) as soon as what it depends on
 * has finished (its {@code needs}, else the previous stage or group in declaration order), so a
 * {@code parallel} group's stages run concurrently. When a stage fails: what depends on it is
 * cancelled; with its group's {@code failFast} its running siblings are interrupted and
 * cancelled (their attempts' resources removed at once); with the pipeline's {@code failFast}
 * every stage not yet started is cancelled (the exact rule is {@code PipelineSteps}'
 * {@code FAIL_FAST_RULE}, shown by {@code slipway docs}). {@code onlyIf} false skips a stage.
 * Then the {@code post} blocks run: {@code always}, and {@code success}/{@code failure}, or
 * {@code aborted} after a cancellation (then on a budget, {@link #POST_BUDGET}).
 */
public final class Scheduler {
  private final Plan plan;
  private final Interpreter interp;
  private final Run run;
  private final String only;
  private final Map<String, Status> status = new LinkedHashMap<>();
  private final Map<String, Evaluator> running = new ConcurrentHashMap<>();
  private volatile boolean timedOut;
  private boolean stopAll;
  /** Groups in which a stage failed with failFast: their other stages are cancelled. */
  private final Set<String> failedGroups = new java.util.HashSet<>();
  private SlipException firstFailure;

  /**
   * How long the {@code post} blocks may take in all after the run was cancelled or the
   * pipeline timed out (documented in {@code post}'s docs); then the block still running is
   * interrupted with a {@code Timeout}. A second Ctrl-C quits at once regardless.
   */
  public static final Duration POST_BUDGET = Duration.ofSeconds(30);

  /** The budget in force (tests shorten it). */
  static volatile Duration postBudget = POST_BUDGET;

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
      if (only == null) {
        boolean overrun = timedOut;
        if ((cancelled || overrun) && pipelineTimer != null) {
          pipelineTimer.interrupt(); // the post blocks run on a budget of their own
        }
        runPost(cancelled, cancelled || overrun);
      }
      synchronized (this) {
        Status overall = run.isCancelled() ? Status.CANCELLED
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
      timedOut = true;
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
        if (stopAll || (s.group() != null && failedGroups.contains(s.group()))) {
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
        if (result != Status.FAILED || number >= max || isStopped(s)) {
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
          boolean failFast = stageFailFast && (s.group() == null || s.groupFailFast());
          if (failFast && s.group() != null) {
            cancelSiblings(s);
          }
          if (failFast && plan.options().failFast()) {
            stopAll = true;
          }
        }
        notifyAll();
      }
    }
  }

  /**
   * {@code failFast} in a group: the failed stage's siblings still running are interrupted with
   * a cancellation (their commands killed; their attempts' scopes discarded, which stops and
   * removes their containers); siblings not started are cancelled by {@link #schedule()}.
   * Called with the lock held.
   */
  private void cancelSiblings(Plan.Stage failed) {
    failedGroups.add(failed.group());
    for (Plan.Stage t : plan.stages()) {
      if (t != failed && failed.group().equals(t.group())) {
        Evaluator ev = running.get(t.name());
        if (ev != null) {
          ev.interrupt(new Cancelled("`" + failed.name() + "` failed in the same group (failFast)"));
        }
      }
    }
  }

  private void cleanupFailures(String stage, List<String> failures) {
    for (String f : failures) {
      run.events().emit(new Event.Log(Instant.now(), stage, Event.Stream.STDERR,
          "cleanup failed: " + f));
    }
  }

  /** True when {@code s} must not (re)start: everything stopped, or a failFast sibling failed. */
  private synchronized boolean isStopped(Plan.Stage s) {
    return stopAll || (s.group() != null && failedGroups.contains(s.group()));
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
      if (isStopped(s)) {
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
          && !isStopped(s);
      // a failed attempt that is retried, or a cancelled one, keeps nothing: its containers
      // are stopped and removed now
      cleanupFailures(ctx.name(), ctx.end(retrying || outcome.status == Status.CANCELLED));
      Thread.interrupted();
    }
  }

  /**
   * Runs the post blocks that apply: {@code always}, and {@code aborted} after a cancellation,
   * else {@code success} or {@code failure}. With {@code budgeted} (cancelled, or the pipeline's
   * timeout passed) they share {@link #postBudget}.
   */
  private void runPost(boolean cancelled, boolean budgeted) {
    boolean failed;
    synchronized (this) {
      failed = firstFailure != null || status.containsValue(Status.FAILED);
    }
    List<Plan.Post> blocks = plan.post().stream().filter(p -> switch (p.kind()) {
      case ALWAYS -> true;
      case SUCCESS -> !cancelled && !failed;
      case FAILURE -> !cancelled && failed;
      case ABORTED -> cancelled;
    }).toList();
    if (blocks.isEmpty()) {
      return;
    }
    Instant start = Instant.now();
    run.events().emit(new Event.StageStarted(start, "post"));
    Status result = Status.SUCCESS;
    SlipException failure = null;
    ResourceScope postScope = run.scope().child(ResourceScope.Kind.STAGE, "post");
    Duration budget = postBudget;
    long until = run.clock().nanos() + budget.toNanos();
    if (budgeted) {
      run.events().emit(new Event.Log(Instant.now(), "post", Event.Stream.INFO,
          (cancelled ? "the run was cancelled" : "the pipeline timed out") + "; post blocks get "
              + Values.showDuration(budget)));
    }
    for (Plan.Post p : blocks) {
      String kind = p.kind().name().toLowerCase(java.util.Locale.ROOT);
      StageContext ctx = new StageContext(new StageAttempt(run, "post", 1, postScope), plan);
      Evaluator ev = interp.newEvaluator(ctx.attempt(), p.file());
      ctx.attach(ev);
      running.put("post", ev);
      Deadline deadline = !budgeted ? null : Deadline.arm(ev,
          Duration.ofNanos(Math.max(0, until - run.clock().nanos())),
          () -> new SlipException("Timeout", "post `" + kind + "` did not finish within the "
              + Values.showDuration(budget) + " post blocks get after "
              + (cancelled ? "a cancellation" : "the pipeline's timeout")));
      try {
        ev.runBody(p.body(), null, p.span(), "post " + kind);
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
        if (deadline != null) {
          deadline.close();
        }
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
