package io.slipway.compose.up;

import io.slipway.compose.model.Build;
import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.NetworkDef;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceVolume;
import io.slipway.compose.model.VolumeDef;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.VolumeInfo;
import io.slipway.engine.VolumeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The networks, volumes and images services need, created (or built) when missing, as docker-compose does. */
final class Resources {
  private final ContainerEngine engine;
  private final ComposeProject project;
  private final Map<String, String> extraLabels;
  private final Listener listener;
  private final OutputSink buildOutput;
  /** Image ids by reference, as inspected (or after a build or pull, on first use). */
  private final Map<String, String> imageIds = new java.util.concurrent.ConcurrentHashMap<>();

  Resources(ContainerEngine engine, ComposeProject project, Map<String, String> extraLabels, Listener listener,
      OutputSink buildOutput) {
    this.engine = engine;
    this.project = project;
    this.extraLabels = extraLabels;
    this.listener = listener;
    this.buildOutput = buildOutput;
  }

  /** Networks, volumes and images at once: they do not depend on each other. */
  void prepare(List<Service> services) throws InterruptedException {
    Parallel.run(List.of(() -> networks(services), () -> volumes(services), () -> {
      try {
        images(services);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ComposeException("interrupted");
      }
    }));
  }

  void networks(List<Service> services) {
    Set<String> keys = new LinkedHashSet<>();
    for (Service s : services) {
      keys.addAll(s.networks().keySet());
    }
    for (String key : keys) {
      NetworkDef def = project.networks().get(key);
      if (engine.inspectNetwork(def.name()).isPresent()) {
        continue;
      }
      if (def.external()) {
        throw new ComposeException("network `" + def.name() + "` is declared external but does not exist"
            + " (create it with `docker network create " + def.name() + "`)");
      }
      Map<String, String> labels = Naming.networkLabels(project, key, def.labels());
      labels.putAll(extraLabels);
      NetworkSpec.Ipam ipam = null;
      if (def.ipam() != null) {
        List<NetworkSpec.Pool> pools = new ArrayList<>();
        def.ipam().config().forEach(p -> pools.add(new NetworkSpec.Pool(p.subnet(), p.ipRange(), p.gateway(), p.auxAddresses())));
        ipam = new NetworkSpec.Ipam(def.ipam().driver(), pools, def.ipam().options());
      }
      listener.info("Creating network \"" + def.name() + "\" with " + (def.driver() == null ? "the default driver"
          : "driver \"" + def.driver() + "\""));
      String id = engine.createNetwork(new NetworkSpec(def.name(), def.driver(), labels, def.internal(),
          def.attachable() == null || def.attachable(), def.driverOpts(), ipam, Boolean.TRUE.equals(def.enableIpv6())));
      listener.owned(ResourceTracker.Kind.NETWORK, id, def.name());
    }
  }

  void volumes(List<Service> services) {
    Set<String> keys = new LinkedHashSet<>();
    for (Service s : services) {
      for (ServiceVolume v : s.volumes()) {
        if (v.type() == ServiceVolume.Type.VOLUME && v.source() != null) {
          keys.add(v.source());
        }
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    Set<String> existing = new LinkedHashSet<>();
    for (VolumeInfo v : engine.listVolumes(Map.of())) {
      existing.add(v.name());
    }
    for (String key : keys) {
      VolumeDef def = project.volumes().get(key);
      if (existing.contains(def.name())) {
        continue;
      }
      if (def.external()) {
        throw new ComposeException("volume `" + def.name() + "` is declared external but does not exist"
            + " (create it with `docker volume create " + def.name() + "`)");
      }
      Map<String, String> labels = Naming.volumeLabels(project, key, def.labels());
      labels.putAll(extraLabels);
      listener.info("Creating volume \"" + def.name() + "\" with " + (def.driver() == null ? "default" : def.driver()) + " driver");
      String name = engine.createVolume(new VolumeSpec(def.name(), labels, def.driver(), def.driverOpts()));
      listener.owned(ResourceTracker.Kind.VOLUME, name, name);
    }
  }

  /**
   * Builds services with {@code build} whose image is missing, pulls other missing images. Each
   * distinct image is inspected once (concurrently); the ids found are kept for the config hashes.
   */
  void images(List<Service> services) throws InterruptedException {
    Map<String, Service> byRef = new LinkedHashMap<>();
    for (Service s : services) {
      byRef.putIfAbsent(Naming.image(project, s), s);
    }
    List<String> refs = new ArrayList<>(byRef.keySet());
    List<String> ids = Parallel.map(refs, ref -> engine.inspectImage(ref).map(i -> i.id()).orElse(""));
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      if (!ids.get(i).isEmpty()) {
        imageIds.put(ref, ids.get(i));
        continue;
      }
      imageIds.remove(ref);
      Service s = byRef.get(ref);
      if (s.build() != null) {
        build(s, ref);
      } else {
        listener.info("Pulling " + s.name() + " (" + ref + ")...");
        engine.pull(ref, null, OutputSink.NONE);
      }
    }
  }

  /** The id of the image {@code ref} names ("" when there is none), inspected once per lifecycle. */
  String imageId(String ref) {
    return imageIds.computeIfAbsent(ref, r -> engine.inspectImage(r).map(i -> i.id()).orElse(""));
  }

  void build(Service s, String ref) {
    Build b = s.build();
    if (Build.isUrl(b.context())) {
      throw new ComposeException("service `" + s.name() + "`: building from a URL (" + b.context() + ") is not supported");
    }
    Map<String, String> args = new LinkedHashMap<>();
    b.args().forEach((k, v) -> {
      if (v != null) {
        args.put(k, v);
      }
    });
    listener.info("Building " + s.name());
    engine.build(new BuildSpec(Path.of(b.context()), b.dockerfile() == null ? "Dockerfile" : b.dockerfile(),
        List.of(ref), b.target(), args, b.labels(), false, false), buildOutput);
  }
}
