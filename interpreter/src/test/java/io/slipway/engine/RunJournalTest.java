package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run journal: written as references are created, read back, deleted once settled. */
class RunJournalTest {
  private static final String ENGINE = "unix:///var/run/docker.sock";
  private final RunLabels labels = new RunLabels("app-7-0a1b2c3d", "app", 4242, "ci-host", "2026-01-01T00:00:00Z");

  @Test
  void aRunWithoutImagesWritesNothing(@TempDir Path dir) {
    var j = new RunJournal(dir, labels);
    j.close();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void entriesAreReadBackWithTheLastWordPerReference(@TempDir Path dir) throws Exception {
    var j = new RunJournal(dir, labels);
    j.image(ENGINE, "slipway-run/x:1", null);
    j.image(ENGINE, "slipway-run/x:1", "sha256:aa");
    j.image(ENGINE, "app:ci", "sha256:aa");
    j.image(ENGINE, "app:1.0", "sha256:aa");
    j.kept(ENGINE, "app:1.0");
    j.image("tcp://prod:2376", "app:ci", "sha256:bb");
    j.removed("tcp://prod:2376", "app:ci");
    j.keptContainer(ENGINE, "c0ffee", "web-0a1b2c3d");
    assertThat(j.imageOf(ENGINE, "app:ci")).isEqualTo("sha256:aa");
    JournalFile read = JournalFile.read(j.file());
    assertThat(read.runId()).isEqualTo("app-7-0a1b2c3d");
    assertThat(read.owner()).isEqualTo("ci-host 4242 2026-01-01T00:00:00Z");
    assertThat(read.images()).containsExactly(
        new JournalFile.Entry(ENGINE, "slipway-run/x:1", "sha256:aa", JournalFile.Status.PENDING),
        new JournalFile.Entry(ENGINE, "app:ci", "sha256:aa", JournalFile.Status.PENDING),
        new JournalFile.Entry(ENGINE, "app:1.0", "sha256:aa", JournalFile.Status.KEPT),
        new JournalFile.Entry("tcp://prod:2376", "app:ci", "sha256:bb", JournalFile.Status.REMOVED));
    assertThat(read.keptContainers(ENGINE)).containsExactly("c0ffee");
    assertThat(read.settled()).isFalse();
    j.close();
    assertThat(j.file()).exists(); // pending references and a kept container: gc needs it
  }

  @Test
  void aSettledJournalIsDeletedAtTheEndOfTheRun(@TempDir Path dir) throws Exception {
    var j = new RunJournal(dir, labels);
    j.image(ENGINE, "app:ci", "sha256:aa");
    j.image(ENGINE, "app:1.0", "sha256:aa");
    assertThat(JournalFile.list(dir)).containsExactly(j.file());
    j.removed(ENGINE, "app:ci");
    j.kept(ENGINE, "app:1.0");
    j.close();
    assertThat(JournalFile.list(dir)).isEmpty();
  }

  @Test
  void aTornLastLineIsSkipped(@TempDir Path dir) throws Exception {
    var j = new RunJournal(dir, labels);
    j.image(ENGINE, "app:ci", "sha256:aa");
    Files.writeString(j.file(), "image\t" + ENGINE + "\tapp:", java.nio.file.StandardOpenOption.APPEND);
    assertThat(JournalFile.read(j.file()).images()).hasSize(1);
  }

  @Test
  void theDirectoryFollowsTheEnvironment() {
    assertThat(RunJournal.defaultDirectory(Map.of("SLIPWAY_STATE_DIR", "/srv/slipway")))
        .isEqualTo(Path.of("/srv/slipway/runs"));
    assertThat(RunJournal.defaultDirectory(Map.of("XDG_STATE_HOME", "/home/ci/.state")))
        .isEqualTo(Path.of("/home/ci/.state/slipway/runs"));
    assertThat(RunJournal.defaultDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".local/state/slipway/runs"));
  }
}
