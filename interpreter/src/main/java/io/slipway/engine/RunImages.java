package io.slipway.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The image references one run creates, without labelling any image (so that the same source
 * built twice gives the same image id). Every image the run builds, pulls, imports or tags
 * first gets a hold reference of the run's own ({@link RunLabels#holdRef(int)}), so no other
 * run can delete it while this one uses it; the references a pipeline gives ({@code app:ci})
 * are recorded in the {@link RunJournal} with the image id they were made for before the
 * engine creates them, and are released at the end only if they still point to that image (a
 * concurrent run may have moved a fixed tag to its own image since). Releasing the hold last
 * deletes the image when nothing else refers to it, so no dangling image is left.
 */
public final class RunImages {
  private final ContainerEngine engine;
  private final RunLabels labels;
  private final RunJournal journal;
  private final AtomicInteger holds = new AtomicInteger();
  /** Reference → the image id this run last pointed it to. */
  private final Map<String, String> made = new ConcurrentHashMap<>();

  public RunImages(ContainerEngine engine, RunLabels labels, RunJournal journal) {
    this.engine = engine;
    this.labels = labels;
    this.journal = journal;
  }

  public ContainerEngine engine() {
    return engine;
  }

  /**
   * A new hold reference, journaled before the engine creates it (as the tag of a build or an
   * import), so that a run killed meanwhile leaves a journal {@code gc} can finish.
   */
  public String newHold() {
    String ref = labels.holdRef(holds.incrementAndGet());
    journal.image(engine.address(), ref, null);
    return ref;
  }

  /** Records the image a hold reference from {@link #newHold()} was created for. */
  public void held(String hold, String imageId) {
    made.put(hold, imageId);
    journal.image(engine.address(), hold, imageId);
  }

  /** Holds an existing image (pulled, or tagged from one the run did not create). */
  public String hold(String imageId) {
    String ref = newHold();
    engine.tag(imageId, ref);
    held(ref, imageId);
    return ref;
  }

  /** Points {@code ref} (normalised) to {@code imageId}, journaled first. */
  public void tag(String imageId, String ref) {
    made.put(ref, imageId);
    journal.image(engine.address(), ref, imageId);
    engine.tag(imageId, ref);
  }

  /** The run's hold reference of image {@code imageId}, or null. */
  public String holdOf(String imageId) {
    return made.entrySet().stream().filter(e -> isHold(e.getKey()) && e.getValue().equals(imageId))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  /** The image id this run pointed {@code ref} to, or null. */
  public String imageOf(String ref) {
    return made.get(ref);
  }

  /**
   * Removes {@code ref} if it still points to the image this run made it for; one that points
   * elsewhere now (another run's build of the same fixed tag) or is gone is left alone. Returns
   * true when removed. An image still used by a container stays for {@code slipway gc}.
   */
  public boolean release(String ref) {
    String ours = made.get(ref);
    Optional<ImageInfo> now = engine.inspectImage(ref);
    if (now.isEmpty() || ours == null || !now.get().id().equals(ours)) {
      journal.removed(engine.address(), ref);
      return false;
    }
    try {
      engine.removeImage(ref, false);
    } catch (EngineException e) {
      if (JournalSweep.inUse(e)) {
        return false; // a kept container still runs it: the journal keeps it for gc
      }
      throw e;
    }
    journal.removed(engine.address(), ref);
    return true;
  }

  /** The run keeps {@code ref} (pushed, or kept by the pipeline). */
  public void keep(String ref) {
    journal.kept(engine.address(), ref);
  }

  /** True for the run's own hold references, which are never shown to the user. */
  public boolean isHold(String ref) {
    return ref.startsWith(RunLabels.holdRepository(labels.runId()) + ":");
  }
}
