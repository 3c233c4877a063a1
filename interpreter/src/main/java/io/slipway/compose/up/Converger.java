package io.slipway.compose.up;

import io.slipway.compose.hash.CanonicalHash;
import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Service;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ResourceTracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings one service's containers to what the file says, as docker-compose's convergence does:
 * none yet → create {@code scale} containers; any container whose config hash differs → recreate
 * them all (stop, remove, create under the same number); otherwise start stopped ones; then add or
 * remove containers (highest numbers first) to reach the scale. A service's dependents are left
 * alone.
 */
final class Converger {
  private final ContainerEngine engine;
  private final ComposeProject project;
  private final SpecBuilder specs;
  private final Listener listener;

  Converger(ContainerEngine engine, ComposeProject project, SpecBuilder specs, Listener listener) {
    this.engine = engine;
    this.project = project;
    this.specs = specs;
    this.listener = listener;
  }

  /** The service's containers (one-offs excluded), by number. */
  List<ContainerInfo> containers(String service) {
    List<ContainerInfo> cs = new ArrayList<>(engine.listContainers(Naming.selector(project, service, false)));
    cs.sort(Comparator.comparingInt(Converger::number));
    return cs;
  }

  static int number(ContainerInfo c) {
    try {
      return Integer.parseInt(c.labels().getOrDefault(Naming.NUMBER, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The {@code com.docker.compose.config-hash} label: the hash of everything the container would
   * be created with (the spec without its per-replica name and labels) and of the image's id, so a
   * second {@code up} recreates a service exactly when its container would differ, or its image
   * was rebuilt.
   */
  String hash(Service s) {
    String ref = Naming.image(project, s);
    String imageId = engine.inspectImage(ref).map(i -> i.id()).orElse("");
    return CanonicalHash.of(specs.forHash(s), imageId);
  }

  /** Converges {@code s} to {@code scale} containers. */
  void converge(Service s, int scale) {
    if (scale > 1 && s.containerName() != null) {
      throw new ComposeException("service `" + s.name() + "` has a `container_name` (" + s.containerName()
          + "), so it cannot run " + scale + " containers");
    }
    String hash = hash(s);
    List<ContainerInfo> existing = containers(s.name());
    boolean diverged = existing.stream().anyMatch(c -> !hash.equals(c.labels().get(Naming.CONFIG_HASH)));
    List<Integer> numbers = new ArrayList<>();
    for (ContainerInfo c : existing) {
      int n = number(c);
      if (n > scale) {
        listener.info("Stopping and removing " + c.name() + " ... done");
        engine.stopContainer(c.id(), s.stopTimeout());
        engine.removeContainer(c.id(), true);
        continue;
      }
      numbers.add(n);
      if (diverged) {
        engine.stopContainer(c.id(), s.stopTimeout());
        engine.removeContainer(c.id(), true);
        create(s, n, hash, "Recreating");
      } else if (!c.state().running()) {
        engine.startContainer(c.id());
        listener.owned(ResourceTracker.Kind.CONTAINER, c.id(), c.name());
        listener.info("Starting " + c.name() + " ... done");
      } else {
        listener.info(c.name() + " is up-to-date");
      }
    }
    // new containers take the numbers after the highest one, as docker-compose numbers them
    int next = numbers.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    for (int i = numbers.size(); i < scale; i++) {
      create(s, next++, hash, "Creating");
    }
  }

  private void create(Service s, int number, String hash, String verb) {
    ContainerSpec spec = specs.build(s, number, null, hash);
    String id = engine.createContainer(spec);
    listener.owned(ResourceTracker.Kind.CONTAINER, id, spec.name());
    for (SpecBuilder.Attachment a : specs.attachments(s)) {
      engine.connectNetwork(a.network(), id, a.aliases());
    }
    engine.startContainer(id);
    listener.info(verb + " " + spec.name() + " ... done");
  }
}
