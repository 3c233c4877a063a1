package io.slipway.compose.up;

import io.slipway.compose.hash.CanonicalHash;
import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.VolumesFrom;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ResourceTracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Brings one service's containers to what the file says, as docker-compose's convergence does:
 * none yet → create {@code scale} containers; any container whose config hash differs → recreate
 * them all (stop, remove, create under the same number); otherwise start stopped ones; then add or
 * remove containers (highest numbers first) to reach the scale. A service's dependents are left
 * alone. New containers of a service that refers to no other service's containers can be created
 * ahead ({@link #createAll}), before their dependencies run, and only started in dependency order.
 */
final class Converger {
  /** A container created and not started yet. */
  record Created(String id, String name, String verb) {}

  private final ContainerEngine engine;
  private final ComposeProject project;
  private final SpecBuilder specs;
  private final Listener listener;
  private final Function<String, String> imageIds;

  /** @param imageIds the image id of a reference ("" when there is none) */
  Converger(ContainerEngine engine, ComposeProject project, SpecBuilder specs, Listener listener,
      Function<String, String> imageIds) {
    this.engine = engine;
    this.project = project;
    this.specs = specs;
    this.listener = listener;
    this.imageIds = imageIds;
  }

  /** The service's containers (one-offs excluded), by number. */
  List<ContainerInfo> containers(String service) {
    return sorted(engine.listContainers(Naming.selector(project, service, false)));
  }

  static List<ContainerInfo> sorted(List<ContainerInfo> containers) {
    List<ContainerInfo> cs = new ArrayList<>(containers);
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
   * True when the service's container spec names no other service's containers (links,
   * {@code volumes_from} a service, {@code network_mode: service:}), so it can be created before
   * those exist.
   */
  static boolean standalone(Service s) {
    return s.links().isEmpty() && s.volumesFrom().stream().allMatch(v -> VolumesFrom.service(v) == null)
        && (s.networkMode() == null || !s.networkMode().startsWith("service:"));
  }

  /**
   * The {@code com.docker.compose.config-hash} label: the hash of everything the container would
   * be created with (the spec without its per-replica name and labels) and of the image's id, so a
   * second {@code up} recreates a service exactly when its container would differ, or its image
   * was rebuilt.
   */
  String hash(Service s) {
    return CanonicalHash.of(specs.forHash(s), imageIds.apply(Naming.image(project, s)));
  }

  private static void checkScale(Service s, int scale) {
    if (scale > 1 && s.containerName() != null) {
      throw new ComposeException("service `" + s.name() + "` has a `container_name` (" + s.containerName()
          + "), so it cannot run " + scale + " containers");
    }
  }

  /**
   * The specs of containers 1..{@code scale} of a service that has none (config hash included):
   * pure work, done while the project's networks and volumes are still being created.
   */
  List<ContainerSpec> plan(Service s, int scale) {
    checkScale(s, scale);
    String hash = hash(s);
    List<ContainerSpec> out = new ArrayList<>();
    for (int n = 1; n <= scale; n++) {
      out.add(specs.build(s, n, null, hash));
    }
    return out;
  }

  /**
   * Creates (does not start) the containers {@link #plan} gave; if one fails, those already
   * created are removed.
   */
  List<Created> createAll(Service s, List<ContainerSpec> planned) {
    List<Created> out = new ArrayList<>();
    try {
      for (ContainerSpec spec : planned) {
        out.add(createOne(s, spec, "Creating"));
      }
    } catch (RuntimeException e) {
      discard(out);
      throw e;
    }
    return out;
  }

  /** Removes containers created ahead that will not be started (a dependency failed). */
  void discard(List<Created> created) {
    for (Created c : created) {
      try {
        engine.removeContainer(c.id(), true);
      } catch (RuntimeException e) {
        listener.warning("could not remove " + c.name() + ": " + e.getMessage());
      }
    }
  }

  /** Starts containers created ahead, in order. */
  void startAll(List<Created> created) {
    for (Created c : created) {
      start(c);
    }
  }

  /**
   * Converges {@code s} to {@code scale} containers.
   *
   * @param existing the service's containers by number, when the caller just listed them; null to list them
   */
  void converge(Service s, int scale, List<ContainerInfo> existing) {
    checkScale(s, scale);
    String hash = hash(s);
    if (existing == null) {
      existing = containers(s.name());
    }
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
        start(createOne(s, n, hash, "Recreating"));
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
      start(createOne(s, next++, hash, "Creating"));
    }
  }

  private Created createOne(Service s, int number, String hash, String verb) {
    return createOne(s, specs.build(s, number, null, hash), verb);
  }

  private Created createOne(Service s, ContainerSpec spec, String verb) {
    String id = engine.createContainer(spec);
    listener.owned(ResourceTracker.Kind.CONTAINER, id, spec.name());
    Created c = new Created(id, spec.name(), verb);
    try {
      for (SpecBuilder.Attachment a : specs.attachments(s)) {
        engine.connectNetwork(a.network(), id, a.aliases());
      }
    } catch (RuntimeException e) {
      discard(List.of(c));
      throw e;
    }
    return c;
  }

  private void start(Created c) {
    engine.startContainer(c.id());
    listener.info(c.verb() + " " + c.name() + " ... done");
  }
}
