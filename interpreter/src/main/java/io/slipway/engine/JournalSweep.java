package io.slipway.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The journal part of {@code slipway gc}: the image references of runs that are gone. A
 * reference is removed only if it still points to the image id the run recorded (another run
 * may have moved a fixed tag like {@code app:ci} to its own image since); a reference whose id
 * the run never learnt (killed mid-build) is removed only if it is the run's own hold reference.
 * A reference whose image a container still uses stays, and so does its journal, until a later
 * {@code gc}. The journal's line naming this engine (a run's engine besides the default one) is
 * dropped once this engine was collected without failures; the other engines' lines stay for
 * their collections. A journal with nothing left is deleted; one with something left is
 * rewritten to just that.
 */
final class JournalSweep {
  private final ContainerEngine engine;
  private final Predicate<JournalFile> alive;
  private final boolean collectedCleanly;

  /**
   * @param collectedCleanly true when this engine's labelled resources of dead runs were all
   *     removed: the journals then stop naming it
   */
  JournalSweep(ContainerEngine engine, Predicate<JournalFile> alive, boolean collectedCleanly) {
    this.engine = engine;
    this.alive = alive;
    this.collectedCleanly = collectedCleanly;
  }

  /** The ids of containers that runs kept on this engine: never garbage. */
  static Set<String> keptContainers(List<JournalFile> journals, String engine) {
    Set<String> kept = new HashSet<>();
    journals.forEach(j -> kept.addAll(j.keptContainers(engine)));
    return kept;
  }

  /** Collects one journal; returns how many of its references stay because they are in use or live. */
  int sweep(JournalFile j, List<String> removed, List<String> failed) {
    if (j.runId() == null) {
      return 0; // not a journal
    }
    if (alive.test(j)) {
      return (int) j.images().stream().filter(e -> e.status() == JournalFile.Status.PENDING).count();
    }
    String here = engine.address();
    List<JournalFile.Entry> left = new ArrayList<>();
    for (JournalFile.Entry e : j.images()) {
      if (e.status() != JournalFile.Status.PENDING) {
        continue;
      }
      if (!e.engine().equals(here)) {
        left.add(e); // another engine's: a gc against that engine collects it
        continue;
      }
      try {
        if (collect(j, e)) {
          removed.add("image " + e.ref());
        }
      } catch (EngineException ex) {
        if (inUse(ex)) {
          left.add(e);
        } else {
          failed.add("image " + e.ref() + ": " + ex.getMessage());
          left.add(e);
        }
      }
    }
    List<String[]> keptLeft = new ArrayList<>();
    for (String id : j.keptContainers(here)) {
      if (engine.inspectContainer(id).isPresent()) {
        keptLeft.add(new String[] {JournalFile.KEPT_CONTAINER, here, id, "-"});
      }
    }
    List<String[]> engines = new ArrayList<>();
    for (JournalFile.Engine e : j.engines().values()) {
      if (!e.address().equals(here) || !collectedCleanly) {
        engines.add(JournalFile.engineLine(e.address(), e.tls()));
      }
    }
    keptLeft.addAll(engines);
    rewrite(j, left, keptLeft, failed);
    return left.size();
  }

  /**
   * Removes the reference if it is still the run's: true when removed, false when there was
   * nothing to remove (gone already, or moved to another image since: not the run's any more).
   */
  private boolean collect(JournalFile j, JournalFile.Entry e) {
    Optional<ImageInfo> now = engine.inspectImage(e.ref());
    if (now.isEmpty()) {
      return false;
    }
    boolean ours = e.imageId() != null ? now.get().id().equals(e.imageId())
        : e.ref().startsWith(RunLabels.holdRepository(j.runId()) + ":");
    if (!ours) {
      return false;
    }
    engine.removeImage(e.ref(), false);
    return true;
  }

  /** The engine refused because a container uses the image: still needed, not a failure. */
  static boolean inUse(EngineException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("is using its referenced image") || m.contains("image is being used")
        || m.contains("being used by");
  }

  /** Rewrites the journal to {@code left} and the other lines in {@code kept} (deleted when both are empty). */
  private static void rewrite(JournalFile j, List<JournalFile.Entry> left, List<String[]> kept,
      List<String> failed) {
    try {
      if (left.isEmpty() && kept.isEmpty()) {
        Files.deleteIfExists(j.path());
        return;
      }
      var lines = new ArrayList<String>();
      lines.add(String.join("\t", JournalFile.MAGIC, j.runId(), j.pipeline(), j.owner()));
      for (JournalFile.Entry e : left) {
        lines.add(String.join("\t", JournalFile.IMAGE, e.engine(), e.ref(),
            e.imageId() == null ? JournalFile.UNKNOWN : e.imageId()));
      }
      kept.forEach(k -> lines.add(String.join("\t", k)));
      Path tmp = j.path().resolveSibling(j.path().getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, j.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      failed.add("journal " + j.path() + ": " + e.getMessage());
    }
  }
}
