package io.slipway.compose.up;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.FileDef;
import io.slipway.compose.model.FileRef;
import io.slipway.compose.model.HostSettings;
import io.slipway.compose.model.Link;
import io.slipway.compose.model.Port;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceNetwork;
import io.slipway.compose.model.ServiceVolume;
import io.slipway.compose.model.VolumesFrom;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerOptions;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.HealthSpec;
import io.slipway.engine.PortBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service's container as docker-compose 1.29 creates it: the same image, command, environment,
 * labels, primary network and aliases, binds for the short volume syntax and mounts for the long
 * one, secrets as read-only binds under {@code /run/secrets}, links to every container of the
 * linked service, and the host settings.
 */
final class SpecBuilder {
  /** A network the container joins after it is created (every one but the primary). */
  record Attachment(String network, List<String> aliases) {}

  private final ComposeProject project;
  private final Map<String, String> extraLabels;
  private final Function<String, List<ContainerInfo>> containersOf;

  /**
   * @param extraLabels labels added to every container (a run's labels), left out of the config hash
   * @param containersOf the containers of a service (for links, {@code volumes_from}, {@code network_mode: service:})
   */
  SpecBuilder(ComposeProject project, Map<String, String> extraLabels,
      Function<String, List<ContainerInfo>> containersOf) {
    this.project = project;
    this.extraLabels = Map.copyOf(extraLabels);
    this.containersOf = containersOf;
  }

  /** The service's networks, primary first: by {@code priority}, then by engine name, as Compose orders them. */
  List<ServiceNetwork> networks(Service s) {
    List<ServiceNetwork> out = new ArrayList<>(s.networks().values());
    out.sort(Comparator.comparingInt((ServiceNetwork n) -> -n.priority())
        .thenComparing(n -> project.networks().get(n.name()).name()));
    return out;
  }

  List<Attachment> attachments(Service s) {
    List<Attachment> out = new ArrayList<>();
    List<ServiceNetwork> nets = networks(s);
    for (int i = 1; i < nets.size(); i++) {
      out.add(new Attachment(project.networks().get(nets.get(i).name()).name(), aliases(s, nets.get(i))));
    }
    return out;
  }

  private static List<String> aliases(Service s, ServiceNetwork n) {
    List<String> a = new ArrayList<>();
    a.add(s.name());
    for (String x : n.aliases()) {
      if (!a.contains(x)) {
        a.add(x);
      }
    }
    return a;
  }

  /** The spec without name or labels that change per container: what the config hash covers. */
  ContainerSpec forHash(Service s) {
    return spec(s, null, null, Map.of()).build();
  }

  /** The container for replica {@code number}, or a one-off ({@code slug} set, ports not published). */
  ContainerSpec build(Service s, Integer number, String slug, String hash) {
    Map<String, String> labels = Naming.containerLabels(project, s, number, slug);
    if (hash != null) {
      labels.put(Naming.CONFIG_HASH, hash);
    }
    labels.putAll(extraLabels);
    var b = spec(s, number, slug, labels);
    b.name(slug != null ? Naming.oneOff(project, s, slug) : Naming.container(project, s, number));
    return b.build();
  }

  private ContainerSpec.Builder spec(Service s, Integer number, String slug, Map<String, String> labels) {
    var b = ContainerSpec.builder(Naming.image(project, s)).labels(labels).env(s.environment())
        .command(s.command()).entrypoint(s.entrypoint()).workdir(s.workingDir()).user(s.user())
        .hostname(s.hostname()).init(Boolean.TRUE.equals(s.init()));
    if (s.stopGracePeriod() != null) {
      b.stopTimeout(s.stopGracePeriod());
    }
    String primaryIp = null;
    String primaryIp6 = null;
    if (s.networkMode() != null) {
      b.network(networkMode(s.networkMode()));
    } else {
      List<ServiceNetwork> nets = networks(s);
      if (!nets.isEmpty()) {
        ServiceNetwork primary = nets.get(0);
        b.network(project.networks().get(primary.name()).name());
        aliases(s, primary).forEach(b::alias);
        primaryIp = primary.ipv4Address();
        primaryIp6 = primary.ipv6Address();
      }
    }
    if (slug == null) {
      for (Port p : s.ports()) {
        b.port(new PortBinding(p.published() == null ? 0 : p.published(), p.target(), p.protocol(),
            p.hostIp() == null ? "" : p.hostIp(), p.publishedEnd() == null ? 0 : p.publishedEnd()));
      }
    }
    HostSettings h = s.host();
    h.capAdd().forEach(b::capAdd);
    if (s.healthcheck() != null) {
      var hc = s.healthcheck();
      b.healthcheck(new HealthSpec(hc.test() == null ? List.of() : hc.test(), hc.interval(), hc.timeout(),
          hc.retries(), hc.startPeriod()));
    }
    List<String> binds = new ArrayList<>();
    List<String> anonymous = new ArrayList<>();
    List<ContainerOptions.MountPoint> mounts = new ArrayList<>();
    volumes(s, binds, anonymous, mounts);
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (String t : h.tmpfs()) {
      int c = t.indexOf(':');
      tmpfs.put(c < 0 ? t : t.substring(0, c), c < 0 ? "" : t.substring(c + 1));
    }
    List<String> hosts = new ArrayList<>();
    s.extraHosts().forEach((host, ip) -> hosts.add(host + ":" + ip));
    List<ContainerOptions.Ulimit> ulimits = new ArrayList<>();
    h.ulimits().forEach((n, u) -> ulimits.add(new ContainerOptions.Ulimit(n, u.soft(), u.hard())));
    b.options(new ContainerOptions(h.domainname(), h.stopSignal(), h.macAddress(), h.tty(), h.stdinOpen(),
        s.restart(), h.capDrop(), h.privileged(), h.readOnly(), h.dns(), h.dnsSearch(), h.dnsOpt(), hosts,
        h.sysctls(), tmpfs, ulimits, h.shmSize(), h.memLimit(), h.memReservation(), h.memswapLimit(),
        h.cpus() == null ? null : Math.round(h.cpus() * 1e9), h.cpuShares(), h.pidsLimit(),
        h.logging() == null ? null : h.logging().driver(), h.logging() == null ? Map.of() : h.logging().options(),
        h.pid(), h.ipc(), h.securityOpt(), h.groupAdd(), volumesFrom(s), links(s), binds, mounts, anonymous,
        s.expose().stream().map(e -> e.contains("/") ? e : e + "/tcp").toList(), primaryIp, primaryIp6));
    return b;
  }

  private void volumes(Service s, List<String> binds, List<String> anonymous, List<ContainerOptions.MountPoint> mounts) {
    for (ServiceVolume v : s.volumes()) {
      String source = v.type() == ServiceVolume.Type.VOLUME && v.source() != null
          ? project.volumes().get(v.source()).name() : v.source();
      if (v.shortSyntax()) {
        anonymous.add(v.target());
        if (source != null) {
          binds.add(source + ":" + v.target() + ":" + v.mode());
        }
      } else {
        mounts.add(new ContainerOptions.MountPoint(v.type().name().toLowerCase(java.util.Locale.ROOT), source,
            v.target(), v.readOnly(), v.propagation(), v.noCopy(), v.tmpfsSize(), v.tmpfsMode()));
      }
    }
    for (FileRef r : s.secrets()) {
      FileDef def = project.secrets().get(r.source());
      if (def.file() != null) {
        String target = r.target() == null ? "/run/secrets/" + r.source()
            : r.target().startsWith("/") ? r.target() : "/run/secrets/" + r.target();
        mounts.add(new ContainerOptions.MountPoint("bind", def.file(), target, true, null, false, null, null));
      }
    }
  }

  /** {@code service:x} runs in the network namespace of x's first container. */
  private String networkMode(String mode) {
    if (mode.startsWith("service:")) {
      List<ContainerInfo> cs = containersOf.apply(mode.substring(8));
      return cs.isEmpty() ? mode : "container:" + cs.get(0).id();
    }
    return mode;
  }

  /** As docker-compose: every container of a linked service, under the alias, its name and its short name. */
  private List<String> links(Service s) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Link l : s.links()) {
      for (ContainerInfo c : containersOf.apply(l.service())) {
        links.put(c.name() + ":" + l.alias(), "");
        links.put(c.name() + ":" + c.name(), "");
        String shortName = c.name().startsWith(project.name() + "_") ? c.name().substring(project.name().length() + 1) : c.name();
        links.put(c.name() + ":" + shortName, "");
      }
    }
    for (String e : s.host().externalLinks()) {
      int colon = e.indexOf(':');
      links.put(colon < 0 ? e + ":" + e : e, "");
    }
    return new ArrayList<>(links.keySet());
  }

  private List<String> volumesFrom(Service s) {
    List<String> out = new ArrayList<>();
    for (String v : s.volumesFrom()) {
      String svc = VolumesFrom.service(v);
      String mode = VolumesFrom.mode(v);
      if (svc == null) {
        String[] p = v.split(":");
        out.add(p[1] + ":" + mode);
      } else {
        containersOf.apply(svc).forEach(c -> out.add(c.name() + ":" + mode));
      }
    }
    return out;
  }
}
