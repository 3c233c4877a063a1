package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.JournalFile;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RunJournal;
import io.slipway.engine.RunLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gc} collects the image references of dead runs from their journals: only those still
 * pointing to the image the run created, never a live run's, and not while a container uses the
 * image.
 */
class JournalGcIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @TempDir
  Path journals;

  /** Builds a tiny image distinct by {@code marker}; returns its id. */
  private static String build(Path ctx, String marker, String... tags) throws Exception {
    Path dir = Files.createDirectories(ctx.resolve(marker));
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestEngines.TEST_IMAGE + "\nRUN echo " + marker + " > /m\n");
    return ENGINE.get().build(new BuildSpec(dir, "Dockerfile", List.of(tags), null, Map.of(), Map.of(),
        false, false), OutputSink.NONE).id();
  }

  private static RunLabels deadRun() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    return new RunLabels("journal-gc-" + UUID.randomUUID(), "gc-test", dead.pid(), RunLabels.hostName(), "");
  }

  private boolean present(String ref) {
    return ENGINE.get().inspectImage(ref).isPresent();
  }

  @Test
  void aDeadRunsReferencesAreRemovedOnlyWhereTheyStillPointToItsImage(@TempDir Path ctx) throws Exception {
    RunLabels run = deadRun();
    String engine = ENGINE.get().address();
    String u = run.suffix();
    String hold = run.holdRef(1);
    String fixed = "slipway-gc-test/fixed:" + u;      // moved to another run's image since
    String mine = "slipway-gc-test/mine:" + u;        // still the run's
    String unknownHold = run.holdRef(2);               // killed mid-build: id never journaled
    String unknownTag = "slipway-gc-test/unknown:" + u; // the same, but not provably the run's
    String id = build(ctx, "a-" + u, hold, fixed, mine, unknownHold, unknownTag);
    String other = build(ctx, "b-" + u, fixed); // another run took the fixed tag
    var j = new RunJournal(journals, run);
    j.image(engine, hold, id);
    j.image(engine, fixed, id);
    j.image(engine, mine, id);
    j.image(engine, unknownHold, null);
    j.image(engine, unknownTag, null);
    try {
      var report = new GarbageCollector(ENGINE.get(), journals).collect(false);
      assertThat(report.failed()).isEmpty();
      assertThat(report.removed()).contains("image " + hold, "image " + mine, "image " + unknownHold)
          .doesNotContain("image " + fixed, "image " + unknownTag);
      assertThat(present(hold)).isFalse();
      assertThat(present(mine)).isFalse();
      assertThat(present(unknownHold)).isFalse();
      assertThat(ENGINE.get().inspectImage(fixed).orElseThrow().id()).isEqualTo(other);
      assertThat(present(unknownTag)).isTrue();
      assertThat(JournalFile.list(journals)).as("nothing left to collect").isEmpty();
    } finally {
      ENGINE.get().removeImage(fixed, true);
      ENGINE.get().removeImage(unknownTag, true);
    }
  }

  @Test
  void aLiveRunsReferencesStay(@TempDir Path ctx) throws Exception {
    RunLabels run = RunLabels.forCurrentProcess("journal-live-" + UUID.randomUUID(), "gc-test");
    String hold = run.holdRef(1);
    String id = build(ctx, "live-" + run.suffix(), hold);
    var j = new RunJournal(journals, run);
    j.image(ENGINE.get().address(), hold, id);
    try {
      var report = new GarbageCollector(ENGINE.get(), journals).collect(false);
      assertThat(report.removed()).doesNotContain("image " + hold);
      assertThat(report.live()).isGreaterThanOrEqualTo(1);
      assertThat(present(hold)).isTrue();
      assertThat(JournalFile.list(journals)).hasSize(1);
    } finally {
      ENGINE.get().removeImage(hold, true);
    }
  }

  @Test
  void anImageAContainerStillUsesStaysUntilALaterGc(@TempDir Path ctx) throws Exception {
    RunLabels run = deadRun();
    String hold = run.holdRef(1);
    String id = build(ctx, "used-" + run.suffix(), hold);
    var j = new RunJournal(journals, run);
    j.image(ENGINE.get().address(), hold, id);
    // a container that outlives the run (kept), on the run's image
    RunLabels live = RunLabels.forCurrentProcess("journal-user-" + UUID.randomUUID(), "gc-test");
    String c = ENGINE.get().createContainer(ContainerSpec.builder(id).labels(live.labels())
        .command(List.of("true")).build());
    try {
      var report = new GarbageCollector(ENGINE.get(), journals).collect(false);
      assertThat(report.failed()).isEmpty();
      assertThat(present(hold)).isTrue();
      assertThat(JournalFile.list(journals)).hasSize(1);
      ENGINE.get().removeContainer(c, true);
      report = new GarbageCollector(ENGINE.get(), journals).collect(false);
      assertThat(report.removed()).contains("image " + hold);
      assertThat(ENGINE.get().inspectImage(id)).as("no dangling image left").isEmpty();
      assertThat(JournalFile.list(journals)).isEmpty();
    } finally {
      ENGINE.get().removeContainer(c, true);
      ENGINE.get().removeImage(hold, true);
    }
  }
}
