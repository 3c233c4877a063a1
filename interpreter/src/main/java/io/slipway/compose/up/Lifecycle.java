package io.slipway.compose.up;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Dependency;
import io.slipway.compose.model.Service;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.LogLine;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.OutputSink;
import io.slipway.engine.VolumeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A compose project on one engine, with docker-compose's names and labels: {@code up} (networks
 * and volumes, images, then containers in dependency order, independent services concurrently,
 * honouring {@code depends_on} conditions; a second {@code up} recreates only services whose
 * configuration changed), {@code down}, {@code ps}, {@code logs}, {@code restart}, {@code scale}
 * and one-off {@code run}s.
 */
public final class Lifecycle {
  private final ContainerEngine engine;
  private final ComposeProject project;
  private final Listener listener;
  private final SpecBuilder specs;
  private final Converger converger;
  private final Resources resources;

  /**
   * @param extraLabels labels put on everything created (a pipeline run's labels, so that
   *     {@code slipway gc} finds what a killed run left); not part of the config hash
   * @param buildOutput where image builds stream their output
   */
  public Lifecycle(ContainerEngine engine, ComposeProject project, Map<String, String> extraLabels, Listener listener,
      OutputSink buildOutput) {
    this.engine = engine;
    this.project = project;
    this.listener = listener;
    this.specs = new SpecBuilder(project, extraLabels, this::containers);
    this.resources = new Resources(engine, project, extraLabels, listener, buildOutput);
    this.converger = new Converger(engine, project, specs, listener, resources::imageId);
  }

  public ComposeProject project() {
    return project;
  }

  /** A service's containers (one-offs excluded), by number. */
  public List<ContainerInfo> containers(String service) {
    return converger.containers(service);
  }

  /** Every container of the project (one-offs excluded), by name. */
  public List<ContainerInfo> ps() {
    List<ContainerInfo> cs = new ArrayList<>(engine.listContainers(Map.of(Naming.PROJECT, project.name(),
        Naming.ONE_OFF, "False")));
    cs.sort(java.util.Comparator.comparing(ContainerInfo::name));
    return cs;
  }

  private Service service(String name) {
    Service s = project.service(name);
    if (s == null) {
      throw new ComposeException("no service `" + name + "` in project `" + project.name() + "` (services: "
          + String.join(", ", project.services().keySet()) + ")");
    }
    return s;
  }

  /**
   * Starts {@code names} (every service without a profile when empty) and what they depend on.
   *
   * @param conditionTimeout how long one {@code depends_on} condition may take to be met
   */
  public void up(List<String> names, Duration conditionTimeout) throws InterruptedException {
    names.forEach(this::service);
    List<Service> targets = project.withDependencies(names);
    warnNotApplied(targets);
    ExecutorService pool = Executors.newThreadPerTaskExecutor(
        Thread.ofPlatform().daemon().name("slipway-compose-up-", 0).factory());
    // the project's containers are listed while its networks, volumes and images are made ready
    // (none depends on another); then the containers of every service that has none yet are
    // created at once, all services together, each as soon as those are ready (its specs and
    // config hash are computed meanwhile); the dependency order below only decides when each
    // is started (creating is half the work)
    Future<List<ContainerInfo>> listed = pool.submit(() -> engine.listContainers(
        Map.of(Naming.PROJECT, project.name(), Naming.ONE_OFF, "False")));
    Future<?> networks = pool.submit(() -> resources.networks(targets));
    Future<?> volumes = pool.submit(() -> resources.volumes(targets));
    Future<?> images = pool.submit(() -> {
      resources.images(targets);
      return null;
    });
    Map<String, Future<List<Converger.Created>>> ahead = new LinkedHashMap<>();
    Set<String> started = ConcurrentHashMap.newKeySet();
    try {
      Map<String, List<ContainerInfo>> existing = byService(result(listed));
      for (Service s : targets) {
        if (s.scale() > 0 && Converger.standalone(s) && !existing.containsKey(s.name())) {
          ahead.put(s.name(), pool.submit(() -> {
            result(images); // the config hash holds the image's id
            List<ContainerSpec> planned = converger.plan(s, s.scale());
            result(networks);
            result(volumes);
            return converger.createAll(s, planned);
          }));
        }
      }
      // a failure to prepare is reported as such (in this order), not as each service's
      result(networks);
      result(volumes);
      result(images);
      Map<String, List<String>> graph = new LinkedHashMap<>();
      targets.forEach(s -> graph.put(s.name(), s.dependencies()));
      Map<String, Throwable> failed = Graph.run(graph, name -> {
        Service s = project.service(name);
        for (Dependency d : s.dependsOn().values()) {
          Conditions.await(name, d.service(), d.condition(), () -> containers(d.service()), conditionTimeout);
        }
        Future<List<Converger.Created>> created = ahead.get(name);
        if (created == null) {
          converger.converge(s, s.scale(), existing.getOrDefault(name, List.of()));
        } else {
          List<Converger.Created> cs = result(created);
          started.add(name);
          converger.startAll(cs);
        }
      });
      failures("up", failed);
    } finally {
      // created ahead for a service that was never started (a dependency failed): not left
      // behind; once interrupted, creations under way are interrupted too and only the finished
      // ones removed here (the run's cleanup removes the rest: they are owned by the run)
      boolean interrupted = Thread.currentThread().isInterrupted();
      for (var e : ahead.entrySet()) {
        if (started.contains(e.getKey())) {
          continue;
        }
        Future<List<Converger.Created>> f = e.getValue();
        if (interrupted) {
          pool.shutdownNow();
        } else {
          try {
            f.get();
          } catch (ExecutionException | CancellationException nothingCreated) {
            // a failed creation removed what it had created
          } catch (InterruptedException i) {
            interrupted = true;
            Thread.currentThread().interrupt();
          }
        }
        if (f.state() == Future.State.SUCCESS) {
          converger.discard(f.resultNow());
        }
      }
      pool.shutdownNow();
    }
  }

  private static <T> T result(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ComposeException(String.valueOf(e.getCause()));
    }
  }

  private static Map<String, List<ContainerInfo>> byService(List<ContainerInfo> containers) {
    Map<String, List<ContainerInfo>> out = new LinkedHashMap<>();
    for (ContainerInfo c : Converger.sorted(containers)) {
      out.computeIfAbsent(c.labels().getOrDefault(Naming.SERVICE, ""), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  private void prepare(List<Service> targets) throws InterruptedException {
    warnNotApplied(targets);
    resources.prepare(targets);
  }

  private void warnNotApplied(List<Service> targets) {
    for (Service s : targets) {
      s.notApplied().forEach((key, pos) -> listener.warning(pos + ": service `" + s.name() + "`: `" + key
          + "` is not applied by Slipway's `up` (kept in `config()`)"));
    }
  }

  private static void failures(String what, Map<String, Throwable> failed) {
    if (failed.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    Throwable first = null;
    for (var e : failed.entrySet()) {
      if (!(e.getValue() instanceof Graph.Skipped)) {
        first = first == null ? e.getValue() : first;
      }
      lines.add("`" + e.getKey() + "`: " + e.getValue().getMessage());
    }
    if (failed.size() == 1 && first instanceof RuntimeException r) {
      throw r;
    }
    throw new ComposeException(what + " failed for " + failed.size() + " services: " + String.join("; ", lines));
  }

  /**
   * Stops (each service with its stop grace period, dependents first, independent ones
   * concurrently) and removes every container of the project, one-offs included, then its
   * networks, and with {@code volumes} its named volumes.
   */
  public void down(boolean volumes) throws InterruptedException {
    // a service stops once its dependents stopped; removing a stopped container holds up nobody,
    // so removals run beside the stops, and networks and volumes go once every removal is done
    // (listed at the start, beside the containers: listing them at the end costs two round trips)
    ExecutorService removals = Executors.newThreadPerTaskExecutor(
        Thread.ofPlatform().daemon().name("slipway-compose-rm-", 0).factory());
    Map<String, String> mine = Map.of(Naming.PROJECT, project.name());
    Future<List<NetworkInfo>> networks = removals.submit(() -> engine.listNetworks(mine));
    Future<List<VolumeInfo>> named = volumes ? removals.submit(() -> engine.listVolumes(mine)) : null;
    List<ContainerInfo> all;
    try {
      // the list alone says which containers run (no inspection of each: a round trip apiece,
      // and on a cold JVM decoding inspect replies takes a few hundred milliseconds)
      all = engine.listContainersBrief(mine);
    } catch (RuntimeException e) {
      removals.shutdownNow();
      throw e;
    }
    Map<String, List<ContainerInfo>> byService = new LinkedHashMap<>();
    for (ContainerInfo c : all) {
      byService.computeIfAbsent(c.labels().getOrDefault(Naming.SERVICE, ""), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<String>> reversed = new LinkedHashMap<>();
    byService.keySet().forEach(s -> reversed.put(s, new ArrayList<>()));
    for (String s : byService.keySet()) {
      Service def = project.service(s);
      if (def != null) {
        for (String dep : def.dependencies()) {
          if (reversed.containsKey(dep)) {
            reversed.get(dep).add(s);
          }
        }
      }
    }
    List<Future<?>> removed = new ArrayList<>();
    Map<String, Throwable> failed;
    List<NetworkInfo> listedNetworks;
    List<VolumeInfo> listedVolumes;
    try {
      failed = Graph.run(reversed, name -> {
        Service def = project.service(name);
        Duration grace = def == null ? Duration.ofSeconds(10) : def.stopTimeout();
        Parallel.run(byService.get(name).stream().<Runnable>map(c -> () -> {
          if (c.state().running()) {
            engine.stopContainer(c.id(), grace);
            listener.info("Stopping " + c.name() + " ... done");
          }
          synchronized (removed) {
            removed.add(removals.submit(() -> {
              engine.removeContainer(c.id(), true);
              listener.info("Removing " + c.name() + " ... done");
            }));
          }
        }).toList());
      });
      List<Future<?>> pending;
      synchronized (removed) {
        pending = List.copyOf(removed);
      }
      for (Future<?> f : pending) {
        try {
          result(f);
        } catch (RuntimeException e) {
          failed.putIfAbsent("(removal)", e);
        }
      }
      failures("down", failed);
      listedNetworks = result(networks);
      listedVolumes = named == null ? List.of() : result(named);
    } finally {
      removals.shutdownNow();
    }
    List<Runnable> rest = new ArrayList<>();
    for (NetworkInfo n : listedNetworks) {
      rest.add(() -> {
        listener.info("Removing network " + n.name());
        engine.removeNetwork(n.id());
      });
    }
    for (VolumeInfo v : listedVolumes) {
      rest.add(() -> {
        listener.info("Removing volume " + v.name());
        engine.removeVolume(v.name());
      });
    }
    if (!rest.isEmpty()) {
      Parallel.run(rest);
    }
  }

  /** Restarts the containers of {@code names} (all when empty), each with its stop grace period. */
  public void restart(List<String> names) throws InterruptedException {
    names.forEach(this::service);
    List<String> which = names.isEmpty() ? new ArrayList<>(project.services().keySet()) : names;
    Map<String, List<String>> graph = new LinkedHashMap<>();
    which.forEach(n -> graph.put(n, List.of()));
    failures("restart", Graph.run(graph, name -> {
      for (ContainerInfo c : containers(name)) {
        engine.stopContainer(c.id(), project.service(name).stopTimeout());
        engine.startContainer(c.id());
        listener.info("Restarting " + c.name() + " ... done");
      }
    }));
  }

  /** Runs {@code replicas} containers of a service (its dependencies must be up). */
  public void scale(String name, int replicas) throws InterruptedException {
    Service s = service(name);
    if (replicas < 0) {
      throw new ComposeException("cannot scale `" + name + "` to " + replicas + " containers");
    }
    prepare(List.of(s));
    converger.converge(s, replicas, null);
  }

  /** The last {@code tail} lines (all when negative) of each of a service's containers. */
  public Map<String, List<LogLine>> logs(String name, int tail) {
    Map<String, List<LogLine>> out = new LinkedHashMap<>();
    List<ContainerInfo> cs = name == null ? ps() : containers(service(name).name());
    for (ContainerInfo c : cs) {
      out.put(c.name(), engine.logs(c.id(), tail));
    }
    return out;
  }

  /** Starts {@code name}'s dependencies, then runs a one-off container of it; see {@link OneOff}. */
  public OneOff.Result run(String name, List<String> command, Map<String, String> env, OutputSink output,
      Duration conditionTimeout, Duration timeout) throws InterruptedException {
    Service s = service(name);
    List<String> deps = s.dependencies();
    if (!deps.isEmpty()) {
      up(deps, conditionTimeout);
      for (Dependency d : s.dependsOn().values()) {
        Conditions.await(name, d.service(), d.condition(), () -> containers(d.service()), conditionTimeout);
      }
    }
    prepare(List.of(s));
    return new OneOff(engine, specs, listener).run(s, command, env, output, timeout);
  }
}
