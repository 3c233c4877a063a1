package io.slipway.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import io.slipway.engine.SwarmOps;
import io.slipway.engine.SwarmService;
import io.slipway.engine.SwarmServiceSpec;
import io.slipway.engine.SwarmTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link SwarmOps} through docker-java: Slipway's service specs as the engine's. */
final class DockerSwarm implements SwarmOps {
  /** Runs a request with the engine's timeouts and error translation. */
  interface Calls {
    <T> T op(String what, java.util.function.Supplier<T> body);
  }

  private final DockerClient client;
  private final Calls calls;

  DockerSwarm(DockerClient client, Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public Membership membership() {
    return calls.op("inspect the swarm membership", () -> {
      SwarmInfo s = client.infoCmd().exec().getSwarm();
      if (s == null || s.getLocalNodeState() == null) {
        return new Membership("inactive", false, 0);
      }
      return new Membership(s.getLocalNodeState().name().toLowerCase(Locale.ROOT),
          Boolean.TRUE.equals(s.getControlAvailable()), s.getNodes() == null ? 0 : s.getNodes());
    });
  }

  @Override
  public String createService(SwarmServiceSpec spec) {
    return calls.op("create service " + spec.name(),
        () -> client.createServiceCmd(toDocker(spec)).exec().getId());
  }

  @Override
  public void updateService(String id, long version, SwarmServiceSpec spec) {
    calls.op("update service " + spec.name(), () -> {
      client.updateServiceCmd(id, toDocker(spec)).withVersion(version).exec();
      return null;
    });
  }

  @Override
  public void removeService(String idOrName) {
    calls.op("remove service " + idOrName, () -> {
      try {
        client.removeServiceCmd(idOrName).exec();
      } catch (NotFoundException gone) {
        // already removed
      }
      return null;
    });
  }

  @Override
  public List<SwarmService> listServices(Map<String, String> labels) {
    return calls.op("list services", () -> {
      List<SwarmService> out = new ArrayList<>();
      for (Service s : client.listServicesCmd().withLabelFilter(labels).exec()) {
        ServiceSpec spec = s.getSpec();
        Integer replicas = 1;
        if (spec.getMode() != null && spec.getMode().getReplicated() != null) {
          replicas = (int) spec.getMode().getReplicated().getReplicas();
        } else if (spec.getMode() != null && spec.getMode().getGlobal() != null) {
          replicas = null; // global
        }
        var u = s.getUpdateStatus();
        out.add(new SwarmService(s.getId(), spec.getName(), s.getVersion().getIndex(),
            spec.getLabels() == null ? Map.of() : spec.getLabels(), replicas,
            u == null || u.getState() == null ? null : u.getState().name().toLowerCase(Locale.ROOT),
            u == null ? null : u.getMessage()));
      }
      return out;
    });
  }

  @Override
  public List<SwarmTask> listTasks(String serviceId) {
    return calls.op("list tasks of " + serviceId, () -> {
      List<SwarmTask> out = new ArrayList<>();
      for (Task t : client.listTasksCmd().withServiceFilter(serviceId).exec()) {
        var st = t.getStatus();
        var cs = st == null ? null : st.getContainerStatus();
        var spec = t.getSpec() == null ? null : t.getSpec().getContainerSpec();
        String image = spec == null ? null : spec.getImage();
        Map<String, String> labels = spec == null || spec.getLabels() == null ? Map.of() : spec.getLabels();
        out.add(new SwarmTask(t.getId(), t.getServiceId(), t.getSlot(), t.getNodeId(),
            st == null || st.getState() == null ? null : st.getState().name().toLowerCase(Locale.ROOT),
            t.getDesiredState() == null ? null : t.getDesiredState().name().toLowerCase(Locale.ROOT),
            st == null ? null : st.getMessage(), st == null ? null : st.getErr(),
            cs == null ? null : cs.getExitCode(), image, labels, st == null ? null : st.getTimestamp()));
      }
      return out;
    });
  }

  // ------------------------------------------------------------ spec conversion

  static ServiceSpec toDocker(SwarmServiceSpec s) {
    var c = new ContainerSpec().withImage(s.image()).withLabels(s.containerLabels());
    if (s.entrypoint() != null) {
      c.withCommand(s.entrypoint());
    }
    if (s.command() != null) {
      c.withArgs(s.command());
    }
    if (!s.env().isEmpty()) {
      c.withEnv(new java.util.TreeMap<>(s.env()).entrySet().stream()
          .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList());
    }
    c.withDir(s.workdir()).withUser(s.user()).withHostname(s.hostname()).withInit(s.init());
    if (s.stopGracePeriod() != null) {
      c.withStopGracePeriod(s.stopGracePeriod().toNanos());
    }
    if (s.healthcheck() != null) {
      var h = s.healthcheck();
      c.withHealthCheck(new HealthCheck().withTest(h.test()).withInterval(nanos(h.interval()))
          .withTimeout(nanos(h.timeout())).withRetries(h.retries()).withStartPeriod(nanos(h.startPeriod())));
    }
    if (!s.mounts().isEmpty()) {
      List<Mount> mounts = new ArrayList<>();
      for (io.slipway.engine.Mount m : s.mounts()) {
        mounts.add(new Mount().withType(m.volume() ? MountType.VOLUME : MountType.BIND)
            .withSource(m.source()).withTarget(m.target()).withReadOnly(m.readOnly()));
      }
      c.withMounts(mounts);
    }
    var task = new TaskSpec().withContainerSpec(c);
    if (s.resources() != null) {
      var r = s.resources();
      var req = new ResourceRequirements();
      if (r.cpuLimit() != null || r.memoryLimit() != null) {
        req.withLimits(specs(r.cpuLimit(), r.memoryLimit()));
      }
      if (r.cpuReservation() != null || r.memoryReservation() != null) {
        req.withReservations(specs(r.cpuReservation(), r.memoryReservation()));
      }
      task.withResources(req);
    }
    if (s.restart() != null) {
      var r = s.restart();
      var p = new ServiceRestartPolicy();
      if (r.condition() != null) {
        p.withCondition(switch (r.condition()) {
          case "none", "no" -> ServiceRestartCondition.NONE;
          case "on-failure" -> ServiceRestartCondition.ON_FAILURE;
          default -> ServiceRestartCondition.ANY;
        });
      }
      p.withDelay(nanos(r.delay())).withWindow(nanos(r.window()));
      if (r.maxAttempts() != null) {
        p.withMaxAttempts((long) r.maxAttempts());
      }
      task.withRestartPolicy(p);
    }
    if (s.placement() != null) {
      var pl = new ServicePlacement().withConstraints(s.placement().constraints());
      if (s.placement().maxReplicasPerNode() != null) {
        pl.withMaxReplicas(s.placement().maxReplicasPerNode());
      }
      task.withPlacement(pl);
    }
    List<NetworkAttachmentConfig> nets = new ArrayList<>();
    for (SwarmServiceSpec.Attachment a : s.networks()) {
      nets.add(new NetworkAttachmentConfig().withTarget(a.network()).withAliases(a.aliases()));
    }
    task.withNetworks(nets);
    var spec = new ServiceSpec().withName(s.name()).withLabels(s.labels()).withTaskTemplate(task)
        .withMode(s.global() ? new ServiceModeConfig().withGlobal(new ServiceGlobalModeOptions())
            : new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions()
                .withReplicas(s.replicas() == null ? 1 : s.replicas())));
    if (s.update() != null) {
      spec.withUpdateConfig(update(s.update()));
    }
    if (s.rollback() != null) {
      spec.withRollbackConfig(update(s.rollback()));
    }
    List<PortConfig> ports = new ArrayList<>();
    for (SwarmServiceSpec.Published p : s.ports()) {
      var pc = new PortConfig().withTargetPort(p.target())
          .withProtocol("udp".equals(p.protocol()) ? PortConfigProtocol.UDP
              : "sctp".equals(p.protocol()) ? PortConfigProtocol.SCTP : PortConfigProtocol.TCP)
          .withPublishMode("host".equals(p.mode()) ? PortConfig.PublishMode.host : PortConfig.PublishMode.ingress);
      if (p.published() != null) {
        pc.withPublishedPort(p.published());
      }
      ports.add(pc);
    }
    if (!ports.isEmpty()) {
      spec.withEndpointSpec(new EndpointSpec().withPorts(ports));
    }
    return spec;
  }

  private static ResourceSpecs specs(Double cpus, Long memory) {
    var r = new ResourceSpecs();
    if (cpus != null) {
      r.withNanoCPUs(Math.round(cpus * 1e9));
    }
    if (memory != null) {
      r.withMemoryBytes(memory);
    }
    return r;
  }

  private static UpdateConfig update(SwarmServiceSpec.Update u) {
    var c = new UpdateConfig();
    if (u.parallelism() != null) {
      c.withParallelism((long) u.parallelism());
    }
    c.withDelay(nanos(u.delay())).withMonitor(nanos(u.monitor()));
    if (u.failureAction() != null) {
      c.withFailureAction(switch (u.failureAction()) {
        case "continue" -> UpdateFailureAction.CONTINUE;
        case "rollback" -> UpdateFailureAction.ROLLBACK;
        default -> UpdateFailureAction.PAUSE;
      });
    }
    if (u.maxFailureRatio() != null) {
      c.withMaxFailureRatio(u.maxFailureRatio().floatValue());
    }
    if (u.order() != null) {
      c.withOrder("start-first".equals(u.order()) ? UpdateOrder.START_FIRST : UpdateOrder.STOP_FIRST);
    }
    return c;
  }

  private static Long nanos(Duration d) {
    return d == null ? null : d.toNanos();
  }
}
