package io.slipway.scope;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A nested cleanup scope: session ⊃ run ⊃ stage ⊃ attempt ⊃ block (a {@code retry} attempt, an
 * {@code on(engine)} block). What a builtin creates is registered in the innermost scope with a
 * {@link Lifetime}: how far out it may live. Ending a scope ends its open children first, then:
 *
 * <ul>
 *   <li>{@link #close()} (discard, e.g. a failed attempt that will be retried) runs every action
 *       registered in it, last registered first;
 *   <li>{@link #commit()} (the scope ended normally) moves the registrations whose lifetime
 *       outlives this scope to the parent, in registration order, and runs the others, last
 *       registered first.
 * </ul>
 *
 * <p>Either way each action runs exactly once; a scope ends once (later calls wait for the first
 * to finish). A registration into a scope that already ended goes to the parent if its lifetime
 * allows it, else runs at once, so nothing is left behind.
 *
 * <p>A scope also holds typed services (the run's Docker session, the stage context, the plan),
 * found innermost-first by {@link #service(Class)}: an inner scope may override an outer one
 * (an {@code on(engine)} block providing another engine).
 */
public final class ResourceScope {
  /** Where a scope sits in the nesting, outermost first. */
  public enum Kind {
    SESSION, RUN, STAGE, ATTEMPT, BLOCK
  }

  /**
   * How long a registered resource lives: until the nearest enclosing scope of this kind ends
   * (or the outermost scope, if there is none of that kind). {@code BLOCK} means "this very
   * scope".
   */
  public enum Lifetime {
    SESSION, RUN, STAGE, ATTEMPT, BLOCK;

    boolean outlives(Kind scope) {
      return ordinal() < scope.ordinal();
    }
  }

  private enum State {
    OPEN, ENDING_CHILDREN, ENDED
  }

  private record Entry(String what, Lifetime lifetime, Runnable action) {}

  private final ResourceScope parent;
  private final Kind kind;
  private final String name;
  private final UnaryOperator<String> mask;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final List<ResourceScope> children = new ArrayList<>();
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private State state = State.OPEN;

  private ResourceScope(ResourceScope parent, Kind kind, String name, UnaryOperator<String> mask) {
    this.parent = parent;
    this.kind = kind;
    this.name = name;
    this.mask = mask;
  }

  /**
   * An outermost scope ({@code SESSION} for a session, or any kind for a test or a tool).
   *
   * @param mask applied to failure messages (secret masking)
   */
  public static ResourceScope root(Kind kind, String name, UnaryOperator<String> mask) {
    return new ResourceScope(null, kind, name, mask == null ? UnaryOperator.identity() : mask);
  }

  /** A new scope inside this one; it ends at the latest when this one ends. */
  public ResourceScope child(Kind childKind, String childName) {
    var c = new ResourceScope(this, childKind, childName, mask);
    synchronized (this) {
      if (state != State.ENDED) {
        children.add(c);
      }
    }
    return c;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The enclosing scope, or null for an outermost one. */
  public ResourceScope parent() {
    return parent;
  }

  /** This scope or the nearest enclosing one of {@code k}, or null. */
  public ResourceScope enclosing(Kind k) {
    for (ResourceScope s = this; s != null; s = s.parent) {
      if (s.kind == k) {
        return s;
      }
    }
    return null;
  }

  public synchronized boolean ended() {
    return state == State.ENDED;
  }

  // ------------------------------------------------------------ registration

  /** Registers an action that runs when this very scope ends, whether it commits or not. */
  public void onClose(String what, Runnable action) {
    register(what, Lifetime.BLOCK, action);
  }

  /**
   * Registers the removal of a resource created here that may live until the nearest enclosing
   * scope of {@code lifetime}'s kind ends (when the scopes in between commit).
   */
  public void register(String what, Lifetime lifetime, Runnable action) {
    Entry e = new Entry(what, lifetime, action);
    synchronized (this) {
      if (state != State.ENDED) {
        entries.push(e);
        return;
      }
    }
    if (parent != null && lifetime.outlives(kind)) {
      parent.register(what, lifetime, action);
      return;
    }
    List<String> failures = new ArrayList<>();
    runQuietly(e, failures);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.get(0));
    }
  }

  /** How many registrations this scope holds now (not its children's). */
  public synchronized int size() {
    return entries.size();
  }

  // ------------------------------------------------------------ ending

  /** Ends the scope discarding everything registered in it (and in its open children). */
  public List<String> close() {
    return end(false);
  }

  /**
   * Ends the scope normally: registrations that may outlive it move to the parent, the others
   * run. Without a parent this is {@link #close()}.
   */
  public List<String> commit() {
    return end(true);
  }

  /** Returns failures as masked messages ("remove network x: ..."); never throws. */
  private List<String> end(boolean commit) {
    List<ResourceScope> kids;
    synchronized (this) {
      if (state != State.OPEN) {
        kids = null;
      } else {
        state = State.ENDING_CHILDREN;
        kids = new ArrayList<>(children);
      }
    }
    if (kids == null) {
      awaitEnd(60, TimeUnit.SECONDS);
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    try {
      for (int i = kids.size() - 1; i >= 0; i--) {
        failures.addAll(kids.get(i).end(commit));
      }
      List<Entry> todo;
      synchronized (this) {
        state = State.ENDED;
        todo = new ArrayList<>(entries); // newest first
        entries.clear();
        children.clear();
      }
      List<Entry> promote = new ArrayList<>();
      for (Entry e : todo) {
        if (commit && parent != null && e.lifetime().outlives(kind)) {
          promote.add(0, e); // oldest first, so that the parent's order stays LIFO
        } else {
          runQuietly(e, failures);
        }
      }
      for (Entry e : promote) {
        parent.register(e.what(), e.lifetime(), e.action());
      }
    } finally {
      if (parent != null) {
        parent.forget(this);
      }
      ended.countDown();
    }
    return failures;
  }

  private synchronized void forget(ResourceScope child) {
    children.remove(child);
  }

  /** Waits until an end started elsewhere (a signal handler, another thread) has finished. */
  public boolean awaitEnd(long timeout, TimeUnit unit) {
    try {
      return ended.await(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void runQuietly(Entry e, List<String> failures) {
    try {
      e.action().run();
    } catch (RuntimeException ex) {
      failures.add(e.what() + ": " + mask.apply(String.valueOf(ex.getMessage())));
    }
  }

  // ------------------------------------------------------------ services

  /** Makes {@code value} the {@code type} service of this scope and the scopes inside it. */
  public <T> void provide(Class<T> type, T value) {
    services.put(type, value);
  }

  /** The innermost {@code type} service of this scope or an enclosing one, or null. */
  public <T> T service(Class<T> type) {
    for (ResourceScope s = this; s != null; s = s.parent) {
      Object v = s.services.get(type);
      if (v != null) {
        return type.cast(v);
      }
    }
    return null;
  }

  /** The innermost {@code type} service; if there is none, {@code create}s it in this scope. */
  public <T> T service(Class<T> type, Supplier<T> create) {
    T found = service(type);
    if (found != null) {
      return found;
    }
    return type.cast(services.computeIfAbsent(type, k -> create.get()));
  }

  @Override
  public String toString() {
    return (parent == null ? "" : parent + "/") + kind.name().toLowerCase(java.util.Locale.ROOT)
        + ":" + name;
  }
}
