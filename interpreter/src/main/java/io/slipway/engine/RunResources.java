package io.slipway.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one run made, on every engine it touched: the {@link ResourceTracker} of the default
 * engine and one per other engine an {@code on(engine) { }} block or {@code deploy(.., on)}
 * used, and the run's {@link RunJournal}. A run-scoped service (the Docker builtins register each
 * engine's tracker as they first use the engine), so that everything acting on "what the run
 * made" takes one path for every engine: the REPL's {@code :rerun} and {@code :reload} remove a
 * stage's resources through {@link #removeCreatedBy}, and the end of the run closes the journal
 * through {@link #close}, which keeps it while another engine still holds something of the run
 * ({@code --keep}, a removal that failed) so that {@code slipway gc} reaches that engine later.
 * Each tracker's removals at the end of the run stay registered in the run's cleanup scopes.
 *
 * <p>The session keeps the engine connections; a run owns this service, its trackers and its
 * journal, and a stage re-run or a reloaded plan in the REPL goes on with the same run.
 */
public final class RunResources {
  /** One engine's tracker; {@code other} is true for an engine besides the default one. */
  private record Engine(ResourceTracker tracker, boolean other, TlsFiles tls) {}

  /**
   * An engine besides the default one that the run used: its tracker (whose engine is the
   * connection the run used) and the PEM files of its mutual TLS, or null without TLS.
   */
  public record Other(ResourceTracker tracker, TlsFiles tls) {
    /** The connection the run used for this engine. */
    public ContainerEngine engine() {
      return tracker.engine();
    }
  }

  private final RunJournal journal;
  private final List<Engine> engines = new CopyOnWriteArrayList<>();

  public RunResources(RunJournal journal) {
    this.journal = journal;
  }

  /** The run's journal, shared by its engines (entries name their engine). */
  public RunJournal journal() {
    return journal;
  }

  /** Registers the default engine's tracker. */
  public void addDefault(ResourceTracker tracker) {
    engines.add(new Engine(tracker, false, null));
  }

  /**
   * Registers the tracker of an engine besides the default one; the journal names that engine
   * already (before anything was created there).
   */
  public void addOther(ResourceTracker tracker) {
    addOther(tracker, null);
  }

  /** As {@link #addOther(ResourceTracker)}, with the PEM files of its mutual TLS (null without). */
  public void addOther(ResourceTracker tracker, TlsFiles tls) {
    engines.add(new Engine(tracker, true, tls));
  }

  /** The trackers of every engine the run used so far, the default engine's first if used. */
  public List<ResourceTracker> trackers() {
    return engines.stream().map(Engine::tracker).toList();
  }

  /** The default engine's tracker, or null when the run has not used the default engine. */
  public ResourceTracker defaultTracker() {
    return engines.stream().filter(e -> !e.other()).map(Engine::tracker).findFirst().orElse(null);
  }

  /**
   * The engines besides the default one that the run used so far, in the order of their first
   * use: the REPL's container commands list and reach their containers there too.
   */
  public List<Other> others() {
    return engines.stream().filter(Engine::other).map(e -> new Other(e.tracker(), e.tls())).toList();
  }

  /**
   * Removes now, on every engine, what {@code stage} created and the run still holds (a REPL
   * {@code :rerun} or {@code :reload} starts the stage afresh, under the same names): each
   * engine's resources last created first, the engines in the reverse order of their first
   * use. Returns failures as messages (another engine's naming its address); what failed stays
   * tracked for the run's cleanup.
   */
  public List<String> removeCreatedBy(String stage) {
    List<String> failures = new ArrayList<>();
    List<Engine> all = new ArrayList<>(engines);
    for (int i = all.size() - 1; i >= 0; i--) {
      Engine e = all.get(i);
      String where = e.other() ? " on " + e.tracker().engine().address() : "";
      e.tracker().removeCreatedBy(stage).forEach(f -> failures.add(f + where));
    }
    return failures;
  }

  /**
   * Ends the run's record, after the run's cleanup removed what it could: an engine besides the
   * default one where resources of the run remain (kept with {@code --keep}, or a removal that
   * failed) keeps the journal, which names it with its TLS file paths, for {@code slipway gc}
   * (the default engine is swept by labels without it). Otherwise the journal is deleted when
   * nothing in it is left to collect.
   */
  public void close() {
    for (Engine e : engines) {
      if (e.other() && e.tracker().holdsAny()) {
        journal.retain(e.tracker().engine().address());
      }
    }
    journal.close();
  }
}
