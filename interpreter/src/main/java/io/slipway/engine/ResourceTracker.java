package io.slipway.engine;

import io.slipway.scope.ResourceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every container, network, volume and image tag a run creates and registers its
 * removal in the cleanup scope it was created in ({@link ResourceScope}; LIFO, so containers go
 * before the networks they joined and the images they ran): a failed {@code retry} attempt's
 * resources are removed before the next attempt, a stage's {@code service} when the stage ends,
 * the rest when the run ends. A resource removed earlier (by the program) or exempted (a pushed
 * or kept image) is skipped when its scope ends. With {@code keep} nothing is registered:
 * everything stays for inspection until {@code slipway gc}.
 */
public final class ResourceTracker {
  /** What a tracked resource is. */
  public enum Kind {
    CONTAINER, NETWORK, VOLUME, IMAGE_TAG
  }

  /** Receives "created"/"removed" notices for the run's events; {@code stage} may be null. */
  @FunctionalInterface
  public interface Listener {
    void changed(Kind kind, String action, String id, String name, String stage);
  }

  private final ContainerEngine engine;
  private final RunLabels labels;
  private final boolean keep;
  private final Listener listener;
  private final Set<String> gone = ConcurrentHashMap.newKeySet();
  private final Set<String> exempt = ConcurrentHashMap.newKeySet();
  private final java.util.Map<String, String> stages = new ConcurrentHashMap<>();
  private final java.util.Map<String, CompletableFuture<Void>> removing = new ConcurrentHashMap<>();
  private final List<Tracked> created = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A resource as created, for {@link #removeCreatedBy}. */
  private record Tracked(Kind kind, String id, String name, String stage) {}
  private final Set<String> quiet = ConcurrentHashMap.newKeySet();
  private final RunImages images;

  /** @param keep true for {@code --keep}: nothing is removed */
  public ResourceTracker(ContainerEngine engine, RunLabels labels, boolean keep,
      Listener listener) {
    this(engine, labels, keep, listener, null);
  }

  /**
   * A tracker whose image references are released through the run's {@link RunImages} (only
   * if they still point to the run's image; kept ones journaled as kept).
   */
  public ResourceTracker(ContainerEngine engine, RunLabels labels, boolean keep,
      Listener listener, RunImages images) {
    this.engine = engine;
    this.labels = labels;
    this.keep = keep;
    this.listener = listener;
    this.images = images;
  }

  /** The run's image references, or null when this tracker removes tags unconditionally. */
  public RunImages images() {
    return images;
  }

  /**
   * Tracks one of the run's hold references ({@link RunImages}): released with the scope like a
   * tag, but not reported as a resource of the pipeline's.
   */
  public void held(ResourceScope scope, String holdRef) {
    quiet.add(holdRef);
    gone.remove(holdRef);
    if (keep) {
      return;
    }
    scope.register("release image " + holdRef, ResourceScope.Lifetime.RUN,
        () -> remove(Kind.IMAGE_TAG, holdRef, holdRef));
  }

  public RunLabels labels() {
    return labels;
  }

  public ContainerEngine engine() {
    return engine;
  }

  public boolean keep() {
    return keep;
  }

  /**
   * True when this tracker recorded creating the container (or other resource) {@code id}: the
   * REPL tells by it which engine a container belongs to when two engine addresses reach the
   * same daemon and both list it.
   */
  public boolean made(String id) {
    for (Tracked t : created) {
      if (t.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tracks a resource created by {@code stage} (null at the top level) that lives until the run
   * ends: its removal is registered in {@code scope}, the innermost scope of the call that
   * created it, and moves outwards as the scopes in between end normally.
   */
  public void created(ResourceScope scope, Kind kind, String id, String name, String stage) {
    created(scope, ResourceScope.Lifetime.RUN, kind, id, name, stage);
  }

  /**
   * Tracks a resource that lives until the nearest enclosing scope of {@code lifetime} ends (a
   * stage's {@code service}: {@code STAGE}); {@code id} is what the engine removes it by.
   */
  public void created(ResourceScope scope, ResourceScope.Lifetime lifetime, Kind kind, String id,
      String name, String stage) {
    if (stage != null) {
      stages.put(id, stage);
    }
    created.add(new Tracked(kind, id, name, stage));
    gone.remove(id); // a name removed earlier (a failed attempt's tag) made again
    listener.changed(kind, "created", id, name, stage);
    if (keep) {
      return;
    }
    scope.register("remove " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " " + name, lifetime, () -> remove(kind, id, name));
  }

  /**
   * Removes a resource now; its scope's cleanup then skips it. If removal fails (an interrupted
   * thread, a busy engine) the resource stays tracked and the scope's cleanup tries again.
   */
  public void remove(Kind kind, String id, String name) {
    CompletableFuture<Void> underWay = removing.get(id);
    if (underWay != null) {
      underWay.join(); // never fails: a failed background removal is simply tried again here
    }
    removeNow(kind, id, name);
  }

  /**
   * Starts removing a resource on a background thread (a stage's agent when the attempt ends),
   * so that the next stage need not wait for the engine to kill and delete it. The cleanup
   * registered when the resource was created (run lifetime) waits for this removal to finish
   * before the run ends, and removes the resource itself (reporting the failure) if the
   * background removal failed.
   */
  public void removeInBackground(Kind kind, String id, String name) {
    if (exempt.contains(id) || gone.contains(id)) {
      return;
    }
    var done = new CompletableFuture<Void>();
    if (removing.putIfAbsent(id, done) != null) {
      return;
    }
    // a platform thread: a virtual one doing socket I/O starts the JDK's I/O poller threads,
    // which sit in native code and make the JVM's exit wait ~300 ms for them
    Thread.ofPlatform().daemon().name("slipway-remove-" + name).start(() -> {
      try {
        removeNow(kind, id, name);
      } catch (RuntimeException e) {
        // still tracked: the run's cleanup tries again and reports what fails then
      } finally {
        removing.remove(id, done);
        done.complete(null);
      }
    });
  }

  private void removeNow(Kind kind, String id, String name) {
    if (exempt.contains(id) || gone.contains(id)) {
      return;
    }
    switch (kind) {
      case CONTAINER -> engine.removeContainer(id, true);
      case NETWORK -> removeNetwork(id);
      case VOLUME -> engine.removeVolume(id);
      case IMAGE_TAG -> {
        if (images != null && !images.release(id)) {
          gone.add(id); // moved to another run's image, or gone: not this run's to remove
          return;
        } else if (images == null) {
          engine.removeImage(id, false);
        }
      }
    }
    if (gone.add(id) && !quiet.contains(id)) {
      listener.changed(kind, "removed", id, name, stages.get(id));
    }
  }

  /**
   * Removes now, last created first, what {@code stage} created and the run still holds (the
   * REPL's {@code :rerun} starts the stage afresh, with the same names). Returns failures as
   * messages; a resource that failed stays tracked for the run's cleanup.
   */
  public List<String> removeCreatedBy(String stage) {
    List<String> failures = new ArrayList<>();
    List<Tracked> all = new ArrayList<>(created);
    for (int i = all.size() - 1; i >= 0; i--) {
      Tracked t = all.get(i);
      if (stage.equals(t.stage()) && !gone.contains(t.id()) && !exempt.contains(t.id())) {
        try {
          remove(t.kind(), t.id(), t.name());
        } catch (RuntimeException e) {
          failures.add(t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.name()
              + ": " + e.getMessage());
        }
      }
    }
    return failures;
  }

  /**
   * True when a container, network, volume or image tag the run created here is neither removed
   * nor exempted: everything with {@code keep}, else what a removal failed for (after the run's
   * cleanup), or what is still in use (before it).
   */
  public boolean holdsAny() {
    return created.stream().anyMatch(t -> !gone.contains(t.id()) && !exempt.contains(t.id()));
  }

  /** Keeps a resource past the run (a pushed image tag, {@code Image.keep()}). */
  public void exempt(String id) {
    exempt.add(id);
  }

  /** Keeps an image reference past the run, and says so in the run's journal. */
  public void exemptImage(String ref) {
    exempt.add(ref);
    if (images != null) {
      images.keep(ref);
    }
  }

  public boolean removed(String id) {
    return gone.contains(id);
  }

  /** A network still holding containers of other stages is emptied first (they are ours). */
  private void removeNetwork(String id) {
    // containers being removed in the background (agents) cannot be disconnected: wait for them
    // (a network created inside an on(engine) or retry block ends up above the stage's agent in
    // the cleanup order)
    for (CompletableFuture<Void> underWay : List.copyOf(removing.values())) {
      underWay.join();
    }
    engine.inspectNetwork(id).ifPresent(n -> {
      List<String> attached = new ArrayList<>(n.containers().keySet());
      for (String c : attached) {
        engine.disconnectNetwork(id, c);
      }
    });
    engine.removeNetwork(id);
  }
}
