package io.slipway.debug;

import io.slipway.value.SlipException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The debugger the REPL and {@code run --break-on-failure} install: breakpoints (stage,
 * file:line, on-failure), pausing at the next stage or statement, and stepping by frame depth.
 * A paused thread blocks inside {@link #before}; while any thread is paused the run's clock
 * stands still (stage and pipeline timeouts do not advance) and other threads that reach a
 * point wait too ("all-stop", as gdb does), so that what the user inspects does not change
 * under them. Control calls ({@link #resume()}, {@link #step}, {@link #skipStage()}) come from
 * another thread (the REPL's) and act on the first paused thread, the <em>focus</em>.
 *
 * <p>Cancelling the run while paused interrupts the paused thread, which then continues into
 * the cancellation.
 */
public final class StepController implements Debugger {
  private enum Action {
    CONTINUE, STEP, SKIP
  }

  /** A held thread and, once decided, how it continues. */
  private static final class Held {
    final Pause pause;
    Action action;

    Held(Pause pause) {
      this.pause = pause;
    }
  }

  /** Pause at the next statement of {@code thread} (any thread when null) per {@code how}. */
  private record StepRequest(Thread thread, int depth, Stepping how) {}

  private final Object lock = new Object();
  private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
  private final List<Consumer<Pause>> listeners = new CopyOnWriteArrayList<>();
  private final List<Held> held = new ArrayList<>();
  private int nextBreakpoint = 1;
  private int nextPause = 1;
  private StepRequest stepping;
  private boolean nextStage;
  private boolean nextStatement;

  // ------------------------------------------------------------ breakpoints

  /** Pauses before each attempt of {@code stage}. */
  public Breakpoint breakAtStage(String stage) {
    return add(id -> new Breakpoint.Stage(id, stage));
  }

  /** Pauses before each statement starting on {@code line} of {@code file} (a name or path suffix). */
  public Breakpoint breakAtLine(String file, int line) {
    return add(id -> new Breakpoint.Line(id, file, line));
  }

  /** Pauses at the failing statement of an error nothing handles. */
  public Breakpoint breakOnFailure() {
    return add(Breakpoint.OnFailure::new);
  }

  private Breakpoint add(java.util.function.IntFunction<Breakpoint> make) {
    synchronized (lock) {
      Breakpoint b = make.apply(nextBreakpoint++);
      breakpoints.add(b);
      return b;
    }
  }

  /** Removes breakpoint {@code id}; false if there is none. */
  public boolean delete(int id) {
    return breakpoints.removeIf(b -> b.id() == id);
  }

  public void deleteAll() {
    breakpoints.clear();
  }

  public List<Breakpoint> breakpoints() {
    return List.copyOf(breakpoints);
  }

  /** Pauses before the next stage attempt that starts ({@code run --pause}). */
  public void pauseAtNextStage() {
    synchronized (lock) {
      nextStage = true;
    }
  }

  /** Pauses at the next statement any thread reaches. */
  public void pauseAtNextStatement() {
    synchronized (lock) {
      nextStatement = true;
    }
  }

  /**
   * Forgets a step in progress and a pending pause at the next statement (not breakpoints, not
   * {@link #pauseAtNextStage()}): a step left over from a run that ended must not stop the next
   * run (the REPL calls this before each run).
   */
  public void cancelSteps() {
    synchronized (lock) {
      stepping = null;
      nextStatement = false;
    }
  }

  /** Called (on the paused thread) each time a thread pauses. */
  public void onPause(Consumer<Pause> listener) {
    listeners.add(listener);
  }

  // ------------------------------------------------------------ Debugger

  @Override
  public void before(DebugPoint point) {
    Held h;
    synchronized (lock) {
      if (!awaitNoPause()) {
        return;
      }
      String reason = reason(point);
      if (reason == null) {
        return;
      }
      h = hold(new Pause(nextPause++, point, reason, null));
    }
    block(h);
  }

  @Override
  public void onFailure(DebugPoint point, SlipException error) {
    Held h;
    synchronized (lock) {
      if (breakpoints.stream().noneMatch(b -> b instanceof Breakpoint.OnFailure)
          || !awaitNoPause()) {
        return;
      }
      h = hold(new Pause(nextPause++, point, "failed: " + error.error().type() + ": "
          + error.error().message(), error));
    }
    block(h);
  }

  /** Why to pause at {@code p}, or null to go on. Called with the lock held. */
  private String reason(DebugPoint p) {
    switch (p.kind()) {
      case STAGE -> {
        if (nextStage) {
          nextStage = false;
          return "before stage " + p.stage();
        }
        for (Breakpoint b : breakpoints) {
          if (b instanceof Breakpoint.Stage s && s.stage().equals(p.stage())) {
            return "breakpoint " + b.id() + ": stage " + s.stage();
          }
        }
        return null;
      }
      case STATEMENT -> {
        StepRequest r = stepping;
        if (r != null && (r.thread() == null || (r.thread() == p.thread() && switch (r.how()) {
          case INTO -> true;
          case OVER -> p.depth() <= r.depth();
          case OUT -> p.depth() < r.depth();
        }))) {
          return "step";
        }
        if (nextStatement) {
          nextStatement = false;
          return "paused";
        }
        for (Breakpoint b : breakpoints) {
          if (b instanceof Breakpoint.Line l && l.matches(p)) {
            return "breakpoint " + b.id() + ": " + l.describe();
          }
        }
        return null;
      }
      case STAGE_END -> {
        StepRequest r = stepping;
        if (r != null && r.thread() == p.thread()) {
          // the stepped stage is over: stop at the next statement any thread reaches
          stepping = new StepRequest(null, 0, Stepping.INTO);
        }
        return null;
      }
      case STEP -> {
        return null;
      }
    }
    return null;
  }

  /** Waits while another thread is paused; false if interrupted (the run is being cancelled). */
  private boolean awaitNoPause() {
    while (!held.isEmpty()) {
      try {
        lock.wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private Held hold(Pause p) {
    Held h = new Held(p);
    // the clock stops before anyone can see the pause, and starts again in block()
    p.point().run().clock().pause();
    held.add(h);
    stepping = null; // any pause ends a step in progress, as in other debuggers
    lock.notifyAll();
    return h;
  }

  private void block(Held h) {
    DebugPoint p = h.pause.point();
    try {
      for (Consumer<Pause> l : listeners) {
        l.accept(h.pause);
      }
      synchronized (lock) {
        while (h.action == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held.remove(h);
            lock.notifyAll();
            return;
          }
        }
      }
      if (h.action == Action.SKIP) {
        p.skipStage();
      }
    } finally {
      p.run().clock().resume();
    }
  }

  // ------------------------------------------------------------ control (from another thread)

  /** The focused pause: the first thread that paused and is still held. */
  public Optional<Pause> current() {
    synchronized (lock) {
      return held.isEmpty() ? Optional.empty() : Optional.of(held.get(0).pause);
    }
  }

  /** Every held thread's pause, oldest first. */
  public List<Pause> pauses() {
    synchronized (lock) {
      return held.stream().map(h -> h.pause).toList();
    }
  }

  /** Waits up to {@code timeout} for a thread to pause; returns the focused pause. */
  public Optional<Pause> awaitPause(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (held.isEmpty()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return Optional.of(held.get(0).pause);
    }
  }

  /** Continues the focused thread; false when none is paused. */
  public boolean resume() {
    return decide(Action.CONTINUE, null);
  }

  /** Continues the focused thread until the next statement chosen by {@code how}. */
  public boolean step(Stepping how) {
    return decide(Action.STEP, how);
  }

  /** Ends the focused thread's stage as skipped; false when none is paused. */
  public boolean skipStage() {
    return decide(Action.SKIP, null);
  }

  /** Removes every breakpoint and step and lets every paused thread go (quit, detach). */
  public void releaseAll() {
    synchronized (lock) {
      breakpoints.clear();
      stepping = null;
      nextStage = false;
      nextStatement = false;
      for (Held h : held) {
        h.action = Action.CONTINUE;
      }
      held.clear();
      lock.notifyAll();
    }
  }

  private boolean decide(Action action, Stepping how) {
    synchronized (lock) {
      if (held.isEmpty()) {
        return false;
      }
      Held h = held.remove(0);
      h.action = action;
      if (action == Action.STEP) {
        DebugPoint p = h.pause.point();
        stepping = new StepRequest(p.thread(), p.depth(), how);
      }
      lock.notifyAll();
      return true;
    }
  }
}
