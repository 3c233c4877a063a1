package io.slipway.compose.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.compose.model.ComposeProject;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerState;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.OutputSink;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.VolumeInfo;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which engine requests of {@code up} and {@code down} overlap (a fake engine records the calls;
 * the real-engine behaviour is LifecycleIT's and ConformanceIT's): {@code up} lists the project's
 * containers while its network is being created, {@code down} lists networks and volumes before
 * the first stop, not after the last removal, and its containers without inspecting each.
 */
class LifecycleOverlapTest {
  @TempDir
  Path dir;

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch listed = new CountDownLatch(1);
  private final List<ContainerInfo> containers = Collections.synchronizedList(new ArrayList<>());

  private static final String YAML = """
      services:
        db:
          image: busybox:test
          volumes: ["data:/data"]
        web:
          image: busybox:test
          depends_on: [db]
      volumes:
        data: {}
      """;

  private final Listener listener = new Listener() {
    @Override
    public void info(String line) {}

    @Override
    public void warning(String line) {}

    @Override
    public void owned(ResourceTracker.Kind kind, String id, String name) {}
  };

  /**
   * A fake engine: creating a network waits (boundedly) for the project's containers to be
   * listed and records whether they were, so a test of the order never hangs.
   */
  private ContainerEngine engine(String project) {
    AtomicInteger ids = new AtomicInteger();
    return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          String name = m.getName();
          switch (name) {
            case "listContainers", "listContainersBrief" -> {
              calls.add(name);
              listed.countDown();
              return List.copyOf(containers);
            }
            case "createNetwork" -> {
              boolean before = listed.await(10, TimeUnit.SECONDS);
              calls.add(name + (before ? " (containers listed meanwhile)" : " (containers not listed yet)"));
              return "net-" + ids.incrementAndGet();
            }
            case "inspectNetwork", "inspectContainer" -> {
              return Optional.empty();
            }
            case "inspectImage" -> {
              return Optional.of(new ImageInfo("sha256:1", List.of((String) args[0]), 1, Map.of(), ""));
            }
            case "listNetworks" -> {
              calls.add(name);
              return List.of(new NetworkInfo("n1", project + "_default", "bridge", Map.of(), Map.of()));
            }
            case "listVolumes" -> {
              calls.add(name);
              return List.of(new VolumeInfo(project + "_data", "local", Map.of(), "/x"));
            }
            case "createVolume" -> {
              return ((io.slipway.engine.VolumeSpec) args[0]).name();
            }
            case "createContainer" -> {
              return "c-" + ids.incrementAndGet();
            }
            case "toString" -> {
              return "fake engine";
            }
            default -> {
              calls.add(name);
              return null;
            }
          }
        });
  }

  private ContainerInfo running(String project, String service) {
    return new ContainerInfo(project + "_" + service + "_1", project + "_" + service + "_1", "busybox:test",
        Map.of(Naming.PROJECT, project, Naming.SERVICE, service, Naming.NUMBER, "1", Naming.ONE_OFF, "False"),
        new ContainerState("running", true, 0, false, null, null), Map.of(), Map.of());
  }

  @Test
  void upListsTheProjectsContainersWhileItsNetworkIsCreated() throws Exception {
    ComposeProject p = ComposeFiles.load(dir, "overlapup", YAML);
    new Lifecycle(engine(p.name()), p, Map.of(), listener, OutputSink.NONE).up(List.of(), Duration.ofSeconds(5));
    assertThat(calls).contains("createNetwork (containers listed meanwhile)");
    // and the starts still follow the dependency order
    assertThat(calls.stream().filter(c -> c.equals("startContainer")).count()).isEqualTo(2);
  }

  @Test
  void downListsNetworksAndVolumesBeforeTheFirstStop() throws Exception {
    ComposeProject p = ComposeFiles.load(dir, "overlapdown", YAML);
    containers.add(running(p.name(), "db"));
    containers.add(running(p.name(), "web"));
    new Lifecycle(engine(p.name()), p, Map.of(), listener, OutputSink.NONE).down(true);
    int firstStop = calls.indexOf("stopContainer");
    assertThat(firstStop).isPositive();
    assertThat(calls.subList(0, firstStop)).contains("listNetworks", "listVolumes");
    // what to stop is known from the list alone: no inspection of each container first
    assertThat(calls).contains("listContainersBrief").doesNotContain("listContainers");
    assertThat(calls).containsSubsequence("stopContainer", "stopContainer", "removeNetwork");
    assertThat(calls).contains("removeVolume");
  }
}
