package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.fake.FakeContainerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gc beyond the default engine: a dead run's journal names the engines it used (TLS ones with
 * their certificate paths); each is collected, and the journal stops naming an engine once it
 * was collected cleanly, but keeps naming one that could not be reached.
 */
class OtherEnginesGcTest {
  private static final String DEFAULT = "unix:///var/run/docker.sock";
  private static final String REMOTE = "tcp://10.0.0.5:2376";
  private static final String DOWN = "tcp://10.0.0.6:2376";
  // this host, a pid that is not running: the run is dead
  private final RunLabels dead = new RunLabels("app-3-0a1b2c3d", "app", Long.MAX_VALUE, RunLabels.hostName(), "");

  @Test
  void theEnginesAJournalNamesAreReadBackWithTheirCertificatePaths(@TempDir Path dir) throws Exception {
    var j = new RunJournal(dir, dead);
    TlsFiles tls = new TlsFiles(Path.of("certs/ca.pem"), Path.of("certs/cert.pem"), Path.of("certs/key.pem"));
    j.engine(REMOTE, tls);
    j.engine(REMOTE, tls);
    j.engine("tcp://plain:2375", null);
    JournalFile read = JournalFile.read(j.file());
    assertThat(read.engines()).containsOnlyKeys(REMOTE, "tcp://plain:2375");
    assertThat(read.engines().get(REMOTE).tls().ca()).isEqualTo(Path.of("certs/ca.pem").toAbsolutePath());
    assertThat(read.engines().get("tcp://plain:2375").tls()).isNull();
    assertThat(Files.readAllLines(j.file())).hasSize(3); // the header and one line per engine
    // a run that ends normally removed what it created everywhere: nothing to keep the journal for
    j.close();
    assertThat(JournalFile.list(dir)).isEmpty();
  }

  @Test
  void eachNamedEngineIsCollectedAndAnUnreachableOneStaysNamed(@TempDir Path dir) throws Exception {
    var j = new RunJournal(dir, dead);
    j.engine(REMOTE, null);
    j.engine(DOWN, null);
    Path file = j.file();
    // the run is killed: the journal is never closed
    FakeContainerEngine remote = new FakeContainerEngine().address(REMOTE).withImage("busybox");
    String id = remote.createContainer(ContainerSpec.builder("busybox").name("web-0a1b2c3d").labels(dead.labels()).build());
    remote.createNetwork(new NetworkSpec("net-0a1b2c3d", "bridge", dead.labels(), false));

    GarbageCollector.Report report = GarbageCollector.collectOtherEngines(dir, DEFAULT, false, e -> {
      if (e.address().equals(DOWN)) {
        throw new EngineUnavailable(DOWN, "connection refused");
      }
      return remote;
    });

    assertThat(report.removed()).containsExactly("container web-0a1b2c3d on " + REMOTE, "network net-0a1b2c3d on " + REMOTE);
    assertThat(report.failed()).singleElement().asString().startsWith("anything on " + DOWN + ": ");
    assertThat(remote.inspectContainer(id)).isEmpty();
    assertThat(JournalFile.read(file).engines()).containsOnlyKeys(DOWN);

    // the default engine's collection leaves the other engines' lines alone
    new GarbageCollector(new FakeContainerEngine().address(DEFAULT), dir).collect(false);
    assertThat(JournalFile.read(file).engines()).containsOnlyKeys(DOWN);
    // once the last engine was collected, the journal is gone
    GarbageCollector.collectOtherEngines(dir, DEFAULT, false, e -> new FakeContainerEngine().address(DOWN));
    assertThat(JournalFile.list(dir)).isEmpty();
    assertThat(List.of(report.live())).containsExactly(0);
  }
}
