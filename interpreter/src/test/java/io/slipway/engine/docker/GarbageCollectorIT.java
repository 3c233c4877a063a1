package io.slipway.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerSpec;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.RunLabels;
import io.slipway.engine.VolumeSpec;
import io.slipway.scope.ResourceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tracker removes a run's resources LIFO exactly once; {@code gc} removes what a run whose
 * process is gone left behind and leaves live runs alone.
 */
class GarbageCollectorIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  private static void createResources(RunLabels labels, ResourceTracker tracker, ResourceScope scope) {
    String net = ENGINE.get().createNetwork(new NetworkSpec(labels.scoped("net"), "bridge", labels.labels(), false));
    tracker.created(scope, ResourceTracker.Kind.NETWORK, net, labels.scoped("net"), null);
    ENGINE.get().createVolume(new VolumeSpec(labels.scoped("vol"), labels.labels()));
    tracker.created(scope, ResourceTracker.Kind.VOLUME, labels.scoped("vol"), labels.scoped("vol"), null);
    String c = ENGINE.get().createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(labels.scoped("c"))
        .labels(labels.labels()).network(labels.scoped("net")).command(List.of("sleep", "60")).init(true).build());
    ENGINE.get().startContainer(c);
    tracker.created(scope, ResourceTracker.Kind.CONTAINER, c, labels.scoped("c"), null);
    String tag = "slipway-gc-test/" + labels.suffix() + ":1";
    ENGINE.get().tag(TestEngines.TEST_IMAGE, tag);
    tracker.created(scope, ResourceTracker.Kind.IMAGE_TAG, tag, tag, null);
  }

  private static int count(Map<String, String> selector) {
    return ENGINE.get().listContainers(selector).size() + ENGINE.get().listNetworks(selector).size()
        + ENGINE.get().listVolumes(selector).size();
  }

  @Test
  void trackerCleanupRemovesEverythingInReverseOrder() {
    var labels = RunLabels.forCurrentProcess("gc-it-" + UUID.randomUUID(), "gc-test");
    List<String> removed = new ArrayList<>();
    var tracker = new ResourceTracker(ENGINE.get(), labels, false, (k, a, id, n, st) -> {
      if (a.equals("removed")) {
        removed.add(k.name());
      }
    });
    var scope = ResourceScope.root(ResourceScope.Kind.RUN, "gc-it", null);
    createResources(labels, tracker, scope);
    assertThat(count(labels.selector())).isEqualTo(3);
    assertThat(scope.close()).isEmpty();
    assertThat(scope.close()).as("exactly once: the second close finds nothing to do").isEmpty();
    assertThat(removed).containsExactly("IMAGE_TAG", "CONTAINER", "VOLUME", "NETWORK");
    assertThat(count(labels.selector())).isZero();
    assertThat(ENGINE.get().inspectImage("slipway-gc-test/" + labels.suffix() + ":1")).isEmpty();
  }

  @Test
  void gcRemovesImagesOfDeadRunsButKeepsRegistryReferences(@org.junit.jupiter.api.io.TempDir java.nio.file.Path ctx)
      throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    var deadLabels = new RunLabels("gc-img-" + UUID.randomUUID(), "gc-test", dead.pid(), RunLabels.hostName(), "");
    java.nio.file.Files.writeString(ctx.resolve("Dockerfile"), "FROM " + TestEngines.TEST_IMAGE + "\n");
    String local = "slipway-gc-test/local:" + deadLabels.suffix();
    String pushed = "localhost:5999/slipway-gc-test:" + deadLabels.suffix();
    ENGINE.get().build(new io.slipway.engine.BuildSpec(ctx, "Dockerfile", List.of(local, pushed), null, Map.of(),
        deadLabels.labels(), false, false), io.slipway.engine.OutputSink.NONE);
    try {
      var report = new GarbageCollector(ENGINE.get()).collect(false);
      assertThat(report.removed()).contains("image " + local);
      assertThat(ENGINE.get().inspectImage(local)).isEmpty();
      assertThat(ENGINE.get().inspectImage(pushed)).isPresent();
    } finally {
      ENGINE.get().removeImage(pushed, true);
      ENGINE.get().removeImage(local, true);
    }
  }

  @Test
  void gcRemovesResourcesOfDeadRunsOnly() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    var deadLabels = new RunLabels("gc-dead-" + UUID.randomUUID(), "gc-test", dead.pid(),
        RunLabels.hostName(), "");
    var liveLabels = RunLabels.forCurrentProcess("gc-live-" + UUID.randomUUID(), "gc-test");
    var liveCleanups = ResourceScope.root(ResourceScope.Kind.RUN, "live", null);
    createResources(deadLabels, new ResourceTracker(ENGINE.get(), deadLabels, true, (k, a, id, n, st) -> { }),
        ResourceScope.root(ResourceScope.Kind.RUN, "dead", null));
    createResources(liveLabels, new ResourceTracker(ENGINE.get(), liveLabels, false, (k, a, id, n, st) -> { }),
        liveCleanups);
    try {
      GarbageCollector.Report report = new GarbageCollector(ENGINE.get()).collect(false);
      assertThat(report.failed()).isEmpty();
      assertThat(report.removed()).anyMatch(r -> r.startsWith("container " + deadLabels.scoped("c")))
          .anyMatch(r -> r.startsWith("network " + deadLabels.scoped("net")))
          .anyMatch(r -> r.startsWith("volume " + deadLabels.scoped("vol")));
      assertThat(count(deadLabels.selector())).isZero();
      assertThat(count(liveLabels.selector())).isEqualTo(3);
      assertThat(report.live()).isGreaterThanOrEqualTo(3);
    } finally {
      liveCleanups.close();
      ENGINE.get().removeImage("slipway-gc-test/" + deadLabels.suffix() + ":1", true);
    }
  }
}
