package io.slipway.compose.swarm;

import io.slipway.compose.up.ComposeException;
import io.slipway.compose.up.Parallel;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.SwarmOps;
import io.slipway.engine.SwarmService;
import io.slipway.engine.SwarmServiceSpec;
import io.slipway.engine.SwarmTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deploys a {@link StackSpec} to a swarm manager like {@code docker stack deploy}, but creates or
 * updates only the services whose spec hash differs from the deployed one (the CLI bumps every
 * service), then waits until each changed service converged: as many tasks of the new task
 * template running as it asks for, none of the old one, for its {@code update_config.monitor}
 * ({@link #MONITOR} by default, as {@code docker service create} verifies). A service whose tasks keep failing (three
 * failed or rejected tasks of the new template, or a failed one that will not be restarted), or
 * whose update was paused or rolled back, fails the deploy naming the service and the tasks'
 * errors; so does the deadline.
 */
public final class StackDeployer {
  /** What one deploy changed, by compose service name. */
  public record Result(List<String> created, List<String> updated, List<String> unchanged) {
    public Result {
      created = List.copyOf(created);
      updated = List.copyOf(updated);
      unchanged = List.copyOf(unchanged);
    }
  }

  private static final Set<String> UPDATE_FAILED =
      Set.of("paused", "rollback_started", "rollback_paused", "rollback_completed");
  /** How long a service must stay converged when its {@code update_config.monitor} is not set. */
  static final Duration MONITOR = Duration.ofSeconds(5);
  private final ContainerEngine engine;
  private final Consumer<String> info;
  private final Duration timeout;
  private final Duration poll;

  /** @param info receives progress lines ("creating service web", "web: 2/2 running") */
  public StackDeployer(ContainerEngine engine, Consumer<String> info, Duration timeout, Duration poll) {
    this.engine = engine;
    this.info = info;
    this.timeout = timeout;
    this.poll = poll;
  }

  private SwarmOps manager() {
    SwarmOps swarm = engine.swarm();
    SwarmOps.Membership m = swarm.membership();
    if (!"active".equals(m.state())) {
      throw new ComposeException("the engine at " + engine.address() + " is not part of a swarm (state: "
          + m.state() + "): run `docker swarm init` there, or deploy to a swarm manager");
    }
    if (!m.manager()) {
      throw new ComposeException("the engine at " + engine.address()
          + " is a swarm worker: deploy to a manager node");
    }
    return swarm;
  }

  /** Deploys {@code stack}; returns when every changed service converged. */
  public Result deploy(StackSpec stack) throws InterruptedException {
    SwarmOps swarm = manager();
    for (String w : stack.warnings()) {
      info.accept("warning: " + w);
    }
    for (String ext : stack.externalNetworks()) {
      if (engine.inspectNetwork(ext).isEmpty()) {
        throw new ComposeException("network `" + ext + "` is declared external but does not exist on "
            + engine.address());
      }
    }
    for (var n : stack.networks().values()) {
      if (engine.inspectNetwork(n.name()).isEmpty()) {
        info.accept("creating network " + n.name());
        engine.createNetwork(n);
      }
    }
    Map<String, SwarmService> deployed = new LinkedHashMap<>();
    for (SwarmService s : swarm.listServices(Map.of(StackSpec.NAMESPACE, stack.name()))) {
      deployed.put(s.name(), s);
    }
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, String> waitFor = new LinkedHashMap<>(); // service id -> compose name
    // each service is created or updated by its own request, all at once (as the CLI's are
    // independent); the ids come back in the stack's order
    List<String> changed = new ArrayList<>();
    for (var e : stack.services().entrySet()) {
      SwarmServiceSpec spec = e.getValue();
      SwarmService old = deployed.get(spec.name());
      if (old == null) {
        info.accept("creating service " + spec.name());
        created.add(e.getKey());
        changed.add(e.getKey());
      } else if (spec.labels().get(StackSpec.SPEC_HASH).equals(old.labels().get(StackSpec.SPEC_HASH))) {
        unchanged.add(e.getKey());
      } else {
        info.accept("updating service " + spec.name());
        updated.add(e.getKey());
        changed.add(e.getKey());
      }
    }
    List<String> ids = Parallel.map(changed, key -> {
      SwarmServiceSpec spec = stack.services().get(key);
      SwarmService old = deployed.get(spec.name());
      if (old == null) {
        return swarm.createService(spec);
      }
      swarm.updateService(old.id(), old.version(), spec);
      return old.id();
    });
    for (int i = 0; i < changed.size(); i++) {
      waitFor.put(ids.get(i), changed.get(i));
    }
    converge(swarm, stack, waitFor);
    info.accept("stack " + stack.name() + ": " + summary("created", created) + ", "
        + summary("updated", updated) + ", " + summary("unchanged", unchanged));
    return new Result(created, updated, unchanged);
  }

  private static String summary(String what, List<String> names) {
    return names.size() + " " + what + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
  }

  private void converge(SwarmOps swarm, StackSpec stack, Map<String, String> waitFor) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> pending = new LinkedHashMap<>(waitFor);
    Map<String, String> lastState = new LinkedHashMap<>();
    Map<String, Long> convergedSince = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      Map<String, SwarmService> now = new LinkedHashMap<>();
      for (SwarmService s : swarm.listServices(Map.of(StackSpec.NAMESPACE, stack.name()))) {
        now.put(s.id(), s);
      }
      List<String> ids = new ArrayList<>(pending.keySet());
      Map<String, List<SwarmTask>> tasksOf = new LinkedHashMap<>();
      List<List<SwarmTask>> listed = Parallel.map(ids, swarm::listTasks);
      for (int i = 0; i < ids.size(); i++) {
        tasksOf.put(ids.get(i), listed.get(i));
      }
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        SwarmServiceSpec spec = stack.services().get(e.getValue());
        SwarmService svc = now.get(e.getKey());
        if (svc == null) {
          throw new ComposeException("service " + spec.name() + " was removed while it was being deployed");
        }
        List<SwarmTask> tasks = tasksOf.get(e.getKey());
        Check c = check(spec, svc, tasks);
        if (c.failure != null) {
          throw new ComposeException(c.failure);
        }
        if (!c.progress.equals(lastState.put(e.getKey(), c.progress))) {
          info.accept(e.getValue() + ": " + c.progress);
        }
        // converged when it held for the monitor period, as `docker service create` verifies
        // ("waiting 5 seconds to verify that tasks are stable"): a task that starts and exits
        // at once is reported running for a moment
        if (!c.converged) {
          convergedSince.remove(e.getKey());
        } else if (System.nanoTime() - convergedSince.computeIfAbsent(e.getKey(), k -> System.nanoTime())
            >= monitor(spec).toNanos()) {
          info.accept(e.getValue() + ": converged");
          it.remove();
        }
      }
      if (pending.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        List<String> why = new ArrayList<>();
        for (var e : pending.entrySet()) {
          SwarmServiceSpec spec = stack.services().get(e.getValue());
          why.add(spec.name() + " (" + lastState.get(e.getKey()) + describeTasks(currentTasks(spec,
              swarm.listTasks(e.getKey()))) + ")");
        }
        throw new ComposeException("the stack did not converge within " + timeout.toSeconds() + " s: "
            + String.join("; ", why));
      }
      Thread.sleep(poll.toMillis());
    }
  }

  private static Duration monitor(SwarmServiceSpec spec) {
    return spec.update() != null && spec.update().monitor() != null ? spec.update().monitor() : MONITOR;
  }

  private record Check(boolean converged, String progress, String failure) {}

  private static List<SwarmTask> currentTasks(SwarmServiceSpec spec, List<SwarmTask> tasks) {
    String hash = spec.containerLabels().get(StackSpec.TASK_HASH);
    return tasks.stream().filter(t -> hash.equals(t.labels().get(StackSpec.TASK_HASH))).toList();
  }

  static Check check(SwarmServiceSpec spec, SwarmService svc, List<SwarmTask> tasks) {
    List<SwarmTask> current = currentTasks(spec, tasks);
    long running = current.stream().filter(SwarmTask::running).count();
    // an old task still shutting down counts until it stopped (start-first updates)
    long oldRunning = tasks.stream().filter(t -> "running".equals(t.state()) && !current.contains(t)).count();
    List<SwarmTask> failed = current.stream().filter(SwarmTask::failed).toList();
    boolean anyWillRun = current.stream().anyMatch(t -> "running".equals(t.desiredState()) && !t.failed());
    long want = spec.global() ? Math.max(1, current.stream().filter(t -> "running".equals(t.desiredState())).count())
        : spec.replicas() == null ? 1 : spec.replicas();
    String progress = running + "/" + want + " running" + (oldRunning > 0 ? ", " + oldRunning + " old" : "");
    if (svc.updateState() != null && UPDATE_FAILED.contains(svc.updateState())) {
      return new Check(false, progress, "service " + spec.name() + ": its update was "
          + svc.updateState().replace('_', ' ') + (svc.updateMessage() == null ? "" : " (" + svc.updateMessage() + ")")
          + describeTasks(failed));
    }
    if (failed.size() >= 3 || (!failed.isEmpty() && !anyWillRun && running < want)) {
      return new Check(false, progress, "service " + spec.name() + " failed to start: " + failed.size()
          + " task" + (failed.size() == 1 ? "" : "s") + " failed" + describeTasks(failed));
    }
    return new Check(running >= want && oldRunning == 0, progress, null);
  }

  /** The distinct errors of {@code tasks}: "; task 1: rejected: No such image: x (exit 1)". */
  private static String describeTasks(List<SwarmTask> tasks) {
    Set<String> lines = new LinkedHashSet<>();
    tasks.stream().sorted(Comparator.comparing(t -> String.valueOf(t.timestamp()))).forEach(t -> {
      String err = t.error() != null && !t.error().isBlank() ? t.error() : t.message();
      lines.add((t.slot() == null ? "task" : "task " + t.slot()) + ": " + t.state()
          + (err == null || err.isBlank() ? "" : ": " + err)
          + (t.exitCode() != null && t.exitCode() != 0 ? " (exit " + t.exitCode() + ")" : ""));
    });
    return lines.isEmpty() ? "" : ": " + String.join("; ", lines);
  }

  /** Removes the stack's services, then its networks (once their tasks are gone); returns what it removed. */
  public List<String> undeploy(String stack) throws InterruptedException {
    SwarmOps swarm = manager();
    List<String> removed = new ArrayList<>();
    List<SwarmService> services = swarm.listServices(Map.of(StackSpec.NAMESPACE, stack));
    for (SwarmService s : services) {
      info.accept("removing service " + s.name());
      removed.add("service " + s.name());
    }
    Parallel.map(services, s -> {
      swarm.removeService(s.id());
      return s;
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    for (NetworkInfo n : engine.listNetworks(Map.of(StackSpec.NAMESPACE, stack))) {
      info.accept("removing network " + n.name());
      while (true) {
        try {
          engine.removeNetwork(n.id());
          break;
        } catch (io.slipway.engine.EngineException inUse) {
          // the services' tasks still hold endpoints on it for a moment
          if (System.nanoTime() > deadline) {
            throw new ComposeException("network " + n.name() + " could not be removed: " + inUse.getMessage());
          }
          Thread.sleep(poll.toMillis());
        }
      }
      removed.add("network " + n.name());
    }
    // a swarm network disappears from the node's list a moment after its removal was accepted
    while (!engine.listNetworks(Map.of(StackSpec.NAMESPACE, stack)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new ComposeException("the networks of stack " + stack + " are still there after their removal");
      }
      Thread.sleep(poll.toMillis());
    }
    return removed;
  }

  /** The stack's services and their tasks; empty when nothing of it is deployed. */
  public List<ServiceStatus> services(String stack) {
    SwarmOps swarm = manager();
    List<ServiceStatus> out = new ArrayList<>();
    for (SwarmService s : swarm.listServices(Map.of(StackSpec.NAMESPACE, stack))) {
      List<SwarmTask> tasks = new ArrayList<>(swarm.listTasks(s.id()));
      tasks.sort(Comparator.comparing((SwarmTask t) -> String.valueOf(t.timestamp())).reversed());
      int running = (int) tasks.stream().filter(SwarmTask::running).count();
      String shortName = s.name().startsWith(stack + "_") ? s.name().substring(stack.length() + 1) : s.name();
      out.add(new ServiceStatus(shortName, s.name(), s.labels().get(StackSpec.IMAGE),
          s.replicas() == null ? "global" : "replicated", s.replicas(), running, s.updateState(), tasks));
    }
    out.sort(Comparator.comparing(ServiceStatus::service));
    return out;
  }
}
