package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.scope.ResourceScope;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunResources}: a stage's resources are removed on every engine the run used, and the
 * journal stays after the run while another engine holds something the run kept or failed to
 * remove.
 */
class RunResourcesTest {
  private static final String LOCAL = "unix:///var/run/docker.sock";
  private static final String REMOTE = "tcp://10.0.0.5:2376";
  private final RunLabels labels = new RunLabels("app-7-0a1b2c3d", "app", 4242, "ci-host", "2026-01-01T00:00:00Z");
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ResourceScope run = ResourceScope.root(ResourceScope.Kind.RUN, "r", null);

  /** An engine at {@code address} logging removals; removing an id in {@code refuse} fails. */
  private ContainerEngine engine(String address, Set<String> refuse) {
    return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> switch (m.getName()) {
          case "address" -> address;
          case "inspectNetwork" -> Optional.empty();
          case "removeContainer", "removeNetwork", "removeVolume" -> {
            if (refuse.contains((String) args[0])) {
              throw new EngineException("engine busy");
            }
            log.add(m.getName() + " " + args[0] + " on " + address);
            yield null;
          }
          default -> null;
        });
  }

  private ResourceTracker tracker(String address, boolean keep, Set<String> refuse) {
    return new ResourceTracker(engine(address, refuse), labels, keep, (k, a, id, n, st) -> { });
  }

  @Test
  void aStagesResourcesAreRemovedOnEveryEngineLastCreatedFirst(@TempDir Path dir) {
    var resources = new RunResources(new RunJournal(dir, labels));
    var local = tracker(LOCAL, false, Set.of());
    var remote = tracker(REMOTE, false, Set.of("c-stuck"));
    resources.addDefault(local);
    resources.journal().engine(REMOTE, null);
    resources.addOther(remote);
    local.created(run, ResourceTracker.Kind.NETWORK, "n1", "net", "up");
    local.created(run, ResourceTracker.Kind.CONTAINER, "c1", "db", "up");
    remote.created(run, ResourceTracker.Kind.NETWORK, "n2", "rnet", "up");
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c2", "web", "up");
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c3", "other", "test");
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c-stuck", "worker", "up");

    List<String> failures = resources.removeCreatedBy("up");

    assertThat(failures).containsExactly("container worker: engine busy on " + REMOTE);
    assertThat(log).containsExactly("removeContainer c2 on " + REMOTE, "removeNetwork n2 on " + REMOTE,
        "removeContainer c1 on " + LOCAL, "removeNetwork n1 on " + LOCAL);
    assertThat(remote.holdsAny()).isTrue(); // "other" of stage test, and the stuck worker
    assertThat(local.holdsAny()).isFalse();
  }

  @Test
  void theOtherEnginesAreListedWithTheirTlsFilesAndTrackersKnowWhatTheyMade(@TempDir Path dir) {
    var resources = new RunResources(new RunJournal(dir, labels));
    assertThat(resources.defaultTracker()).isNull();
    var remote = tracker(REMOTE, false, Set.of());
    var tls = new TlsFiles(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"));
    resources.addOther(remote, tls);
    var local = tracker(LOCAL, false, Set.of());
    resources.addDefault(local);
    var plain = tracker("tcp://10.0.0.6:2375", false, Set.of());
    resources.addOther(plain);

    assertThat(resources.defaultTracker()).isSameAs(local);
    assertThat(resources.others()).extracting(o -> o.engine().address(), RunResources.Other::tls)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(REMOTE, tls),
            org.assertj.core.groups.Tuple.tuple("tcp://10.0.0.6:2375", null));
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c2", "web", "up");
    remote.remove(ResourceTracker.Kind.CONTAINER, "c2", "web");
    assertThat(remote.made("c2")).as("made, even when removed since").isTrue();
    assertThat(local.made("c2")).isFalse();
  }

  @Test
  void theJournalStaysWhileAnotherEngineHoldsWhatTheRunKept(@TempDir Path dir) throws Exception {
    var resources = new RunResources(new RunJournal(dir, labels));
    var local = tracker(LOCAL, true, Set.of());
    var remote = tracker(REMOTE, true, Set.of());
    resources.addDefault(local);
    resources.journal().engine(REMOTE, new TlsFiles(Path.of("/certs/ca.pem"), Path.of("/certs/cert.pem"),
        Path.of("/certs/key.pem")));
    resources.addOther(remote);
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c2", "web", "up");
    assertThat(run.close()).isEmpty();
    assertThat(log).as("--keep: nothing removed").isEmpty();

    resources.close();

    List<Path> journals = JournalFile.list(dir);
    assertThat(journals).hasSize(1);
    JournalFile read = JournalFile.read(journals.get(0));
    assertThat(read.settled()).as("no image pending, no container kept by the program").isTrue();
    assertThat(read.engines()).containsOnlyKeys(REMOTE);
    assertThat(read.engines().get(REMOTE).tls().key()).isEqualTo(Path.of("/certs/key.pem"));
  }

  @Test
  void theJournalIsDeletedWhenEveryEngineWasCleanedUp(@TempDir Path dir) throws Exception {
    var resources = new RunResources(new RunJournal(dir, labels));
    var local = tracker(LOCAL, true, Set.of());
    var remote = tracker(REMOTE, false, Set.of());
    resources.addDefault(local);
    resources.journal().engine(REMOTE, null);
    resources.addOther(remote);
    local.created(run, ResourceTracker.Kind.CONTAINER, "c1", "db", "up");
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c2", "web", "up");
    assertThat(run.close()).isEmpty();

    resources.close();

    assertThat(JournalFile.list(dir)).as("the default engine is swept by labels: no journal needed")
        .isEmpty();
  }

  @Test
  void aRemovalThatFailedOnAnotherEngineKeepsTheJournal(@TempDir Path dir) throws Exception {
    var resources = new RunResources(new RunJournal(dir, labels));
    var remote = tracker(REMOTE, false, Set.of("c2"));
    resources.journal().engine(REMOTE, null);
    resources.addOther(remote);
    remote.created(run, ResourceTracker.Kind.CONTAINER, "c2", "web", "up");
    assertThat(run.close()).hasSize(1);

    resources.close();

    assertThat(JournalFile.list(dir)).hasSize(1);
  }
}
