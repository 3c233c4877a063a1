package io.slipway.compose.swarm;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Deploy;
import io.slipway.compose.model.NetworkDef;
import io.slipway.compose.model.Port;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceNetwork;
import io.slipway.compose.model.ServiceVolume;
import io.slipway.compose.model.VolumeDef;
import io.slipway.compose.up.ComposeException;
import io.slipway.engine.HealthSpec;
import io.slipway.engine.Mount;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.SwarmServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Converts a compose project into a {@link StackSpec} the way {@code docker stack deploy} does:
 * services {@code <stack>_<service>} with their short name as a DNS alias, networks
 * {@code <stack>_<key>} (overlay unless a driver is given), named volumes {@code <stack>_<key>},
 * the {@code com.docker.stack.namespace} label on everything, {@code deploy} for mode,
 * replicas, resources, restart, update and rollback policies, placement and service labels, and
 * {@code restart:} as the restart policy when {@code deploy.restart_policy} is absent. Each
 * service carries the hashes of its spec and of its task template ({@link StackSpec#SPEC_HASH},
 * {@link StackSpec#TASK_HASH}).
 */
public final class StackSpecs {
  private StackSpecs() {}

  /** The stack {@code stack} made of {@code project}; a service without an image is an error. */
  public static StackSpec of(ComposeProject project, String stack) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> netNames = new LinkedHashMap<>();
    Map<String, NetworkSpec> networks = new LinkedHashMap<>();
    List<String> external = new ArrayList<>();
    for (NetworkDef d : project.networks().values()) {
      if (d.external()) {
        netNames.put(d.key(), d.name());
        external.add(d.name());
        continue;
      }
      String name = renamed(project, stack, d.key(), d.name());
      netNames.put(d.key(), name);
      Map<String, String> labels = new LinkedHashMap<>(d.labels());
      labels.put(StackSpec.NAMESPACE, stack);
      networks.put(name, new NetworkSpec(name, d.driver() == null ? "overlay" : d.driver(), labels,
          d.internal(), Boolean.TRUE.equals(d.attachable()), d.driverOpts(), null, false));
    }
    Map<String, SwarmServiceSpec> services = new LinkedHashMap<>();
    for (Service s : project.services().values()) {
      services.put(s.name(), service(project, stack, s, netNames, warnings));
    }
    return new StackSpec(stack, networks, external, services, warnings);
  }

  /** A project-scoped default name ({@code <project>_<key>}) becomes stack-scoped. */
  private static String renamed(ComposeProject project, String stack, String key, String name) {
    return name.equals(project.name() + "_" + key) ? stack + "_" + key : name;
  }

  private static SwarmServiceSpec service(ComposeProject project, String stack, Service s,
      Map<String, String> netNames, List<String> warnings) {
    if (s.image() == null) {
      throw new ComposeException("service `" + s.name() + "` has no `image`: a stack deploy runs "
          + "images, it does not build them (build it, push or tag it, and name it in `image`)");
    }
    TreeSet<String> ignored = new TreeSet<>();
    if (s.build() != null) {
      ignored.add("build");
    }
    if (!s.dependsOn().isEmpty()) {
      ignored.add("depends_on");
    }
    if (!s.links().isEmpty()) {
      ignored.add("links");
    }
    if (s.containerName() != null) {
      ignored.add("container_name");
    }
    if (s.networkMode() != null) {
      ignored.add("network_mode");
    }
    if (!ignored.isEmpty()) {
      warnings.add("service `" + s.name() + "`: ignoring options Swarm does not support: "
          + String.join(", ", ignored));
    }
    Deploy d = s.deploy();
    Map<String, String> labels = new LinkedHashMap<>(d == null ? Map.of() : d.labels());
    labels.put(StackSpec.NAMESPACE, stack);
    labels.put(StackSpec.IMAGE, s.image());
    Map<String, String> containerLabels = new LinkedHashMap<>(s.labels());
    containerLabels.put(StackSpec.NAMESPACE, stack);
    List<SwarmServiceSpec.Attachment> nets = new ArrayList<>();
    s.networks().values().stream()
        .sorted(java.util.Comparator.comparingInt(ServiceNetwork::priority).reversed()
            .thenComparing(ServiceNetwork::name))
        .forEach(n -> {
          List<String> aliases = new ArrayList<>(List.of(s.name()));
          n.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
          nets.add(new SwarmServiceSpec.Attachment(netNames.getOrDefault(n.name(), n.name()), aliases));
        });
    List<SwarmServiceSpec.Published> ports = new ArrayList<>();
    for (Port p : s.ports()) {
      if (p.publishedEnd() != null && !p.publishedEnd().equals(p.published())) {
        warnings.add("service `" + s.name() + "`: a published port range is published as its first port");
      }
      ports.add(new SwarmServiceSpec.Published(p.target(), p.published(),
          p.protocol() == null ? "tcp" : p.protocol(), p.mode() == null ? "ingress" : p.mode()));
    }
    boolean global = d != null && d.global();
    Integer replicas = global ? null : d != null && d.replicas() != null ? d.replicas()
        : Integer.valueOf(Math.max(1, s.scale()));
    var spec = new SwarmServiceSpec(stack + "_" + s.name(), s.image(), s.entrypoint(), s.command(),
        s.environment(), labels, containerLabels, global, replicas, nets, ports,
        resources(d), restart(s, d), d == null ? null : update(d.updateConfig()),
        d == null ? null : update(d.rollbackConfig()), placement(d), health(s),
        s.stopGracePeriod(), s.workingDir(), s.user(), s.hostname(), s.init(),
        mounts(project, stack, s, warnings));
    return Hashes.stamp(spec);
  }

  private static SwarmServiceSpec.Resources resources(Deploy d) {
    if (d == null || d.resources() == null) {
      return null;
    }
    Deploy.Limits l = d.resources().limits();
    Deploy.Limits r = d.resources().reservations();
    return new SwarmServiceSpec.Resources(l == null ? null : l.cpus(), l == null ? null : l.memory(),
        r == null ? null : r.cpus(), r == null ? null : r.memory());
  }

  private static SwarmServiceSpec.Restart restart(Service s, Deploy d) {
    if (d != null && d.restartPolicy() != null) {
      Deploy.RestartPolicy p = d.restartPolicy();
      return new SwarmServiceSpec.Restart(p.condition(), p.delay(), p.maxAttempts(), p.window());
    }
    String r = s.restart();
    if (r == null) {
      return null;
    }
    if (r.startsWith("on-failure")) {
      Integer max = r.contains(":") ? Integer.valueOf(r.substring(r.indexOf(':') + 1)) : null;
      return new SwarmServiceSpec.Restart("on-failure", null, max, null);
    }
    return new SwarmServiceSpec.Restart("no".equals(r) ? "none" : "any", null, null, null);
  }

  private static SwarmServiceSpec.Update update(Deploy.UpdateConfig u) {
    return u == null ? null : new SwarmServiceSpec.Update(u.parallelism(), u.delay(),
        u.failureAction(), u.monitor(), u.maxFailureRatio(), u.order());
  }

  private static SwarmServiceSpec.Placement placement(Deploy d) {
    if (d == null || d.placement() == null) {
      return null;
    }
    Deploy.Placement p = d.placement();
    return new SwarmServiceSpec.Placement(p.constraints(), p.spreadPreferences(), p.maxReplicasPerNode());
  }

  private static HealthSpec health(Service s) {
    var h = s.healthcheck();
    if (h == null) {
      return null;
    }
    if (h.disabled()) {
      return new HealthSpec(List.of("NONE"), null, null, null, null);
    }
    return h.test() == null ? null : new HealthSpec(h.test(), h.interval(), h.timeout(), h.retries(), h.startPeriod());
  }

  private static List<Mount> mounts(ComposeProject project, String stack, Service s, List<String> warnings) {
    List<Mount> out = new ArrayList<>();
    for (ServiceVolume v : s.volumes()) {
      switch (v.type()) {
        case VOLUME -> {
          VolumeDef def = v.source() == null ? null : project.volumes().get(v.source());
          String source = def == null ? v.source() : def.external() ? def.name()
              : renamed(project, stack, def.key(), def.name());
          out.add(new Mount(source, v.target(), v.readOnly(), true));
        }
        case BIND -> out.add(new Mount(v.source(), v.target(), v.readOnly(), false));
        default -> warnings.add("service `" + s.name() + "`: " + v.type().name().toLowerCase(java.util.Locale.ROOT)
            + " mount " + v.target() + " is not deployed");
      }
    }
    return out;
  }
}
