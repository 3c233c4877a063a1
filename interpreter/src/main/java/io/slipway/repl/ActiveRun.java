package io.slipway.repl;

import io.slipway.api.SessionRuns;
import io.slipway.builtin.PlanException;
import io.slipway.debug.StepController;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.interp.Cancelled;
import io.slipway.interp.ErrorRenderer;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.Scheduler;
import io.slipway.pipeline.StageThreads;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.run.Status;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The REPL's current run (or stage re-run): its run state and interpreter, its plan, the
 * debugger gate its threads pass, and the thread that runs it, whose outcome is kept once it
 * ends. The run itself outlives the thread: its containers stay until it is cleaned up.
 */
final class ActiveRun {
  private static final Duration POLL = Duration.ofMillis(100);

  /** What a run (or a {@code :rerun}) ended with; {@code error} is rendered and masked. */
  record Outcome(Status status, int exitCode, String error) {}

  private final SessionRuns.Prepared prepared;
  private final Gate gate;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Plan plan;
  private volatile Outcome outcome;
  private volatile String label = "run";

  ActiveRun(SessionRuns.Prepared prepared, Gate gate) {
    this.prepared = prepared;
    this.gate = gate;
  }

  SessionRuns.Prepared prepared() {
    return prepared;
  }

  Run run() {
    return prepared.run();
  }

  Gate gate() {
    return gate;
  }

  Plan plan() {
    return plan;
  }

  void plan(Plan p) {
    plan = p;
  }

  /** {@code run}, or {@code stage NAME} for a re-run: how its end is announced. */
  String label() {
    return label;
  }

  void label(String l) {
    label = l;
  }

  /** True while its thread runs (or is paused). */
  boolean running() {
    return done.getCount() > 0;
  }

  /** The outcome once {@link #running()} is false. */
  Outcome outcome() {
    return outcome;
  }

  /** Waits up to {@code timeout} for the thread to end; true when it has. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code body} on a run thread; its outcome (or its failure's) is recorded. */
  void start(Supplier<Outcome> body) {
    StageThreads.start("slipway-repl-" + label.replace(' ', '-'), () -> {
      Outcome o;
      try {
        o = body.get();
      } catch (PlanException e) {
        o = new Outcome(Status.FAILED, 2, new DiagnosticRenderer(false)
            .render(List.of(e.diagnostic())));
      } catch (SlipException e) {
        o = new Outcome(Status.FAILED, e.infrastructure() ? 3 : 1, ErrorRenderer.render(e));
      } catch (Cancelled e) {
        o = new Outcome(Status.CANCELLED, 1, "cancelled: " + e.getMessage());
      } catch (RuntimeException e) {
        o = new Outcome(Status.FAILED, 3, "internal error: " + e);
      }
      String error = o.error() == null ? null : run().masker().mask(o.error());
      outcome = new Outcome(o.status(), o.exitCode(), error);
      done.countDown();
    });
  }

  /** Runs a scheduler on this thread; with {@code finish}, announces the end as a run's. */
  Outcome schedule(Scheduler scheduler, boolean finish) {
    Instant start = Instant.now();
    Outcome o;
    try {
      Scheduler.Outcome out = scheduler.run();
      Run run = run();
      if (out.status() == Status.SUCCESS) {
        o = new Outcome(Status.SUCCESS, 0, null);
      } else if (out.status() == Status.CANCELLED) {
        o = new Outcome(Status.CANCELLED, 1, "cancelled: " + (run.isCancelled()
            ? run.cancelReason() : "stopped in the REPL"));
      } else if (out.failure() != null) {
        o = new Outcome(Status.FAILED, out.failure().infrastructure() ? 3 : 1,
            ErrorRenderer.render(out.failure()));
      } else {
        o = new Outcome(Status.FAILED, 1, null);
      }
    } catch (RuntimeException e) {
      o = new Outcome(Status.FAILED, 3, "internal error: " + e);
    }
    if (finish && !gate.abandoned()) {
      run().events().emit(new Event.RunFinished(Instant.now(), o.status(),
          Duration.between(start, Instant.now()), o.error() == null ? null
              : run().masker().mask(o.error()), o.exitCode()));
    }
    return o;
  }

  /**
   * Ends the thread if it is still going (paused): its debugger points now end what they do
   * and every pause is let go, so that it winds down; waits for that (at most a minute).
   */
  void stop(StepController controller) {
    gate.abandon();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (running() && System.nanoTime() < end) {
      while (controller.resume()) {
        // every held thread of the abandoned run goes on into its cancellation
      }
      try {
        awaitEnd(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
