package io.slipway.engine.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.api.model.VolumesFrom;
import io.slipway.engine.ContainerOptions;
import io.slipway.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link ContainerOptions} onto docker-java's create command and host config. */
final class DockerOptions {
  private DockerOptions() {}

  /** The raw compose binds ({@code source:target:mode}) join the binds built from mounts. */
  static void addBinds(ContainerOptions o, List<Bind> binds) {
    if (o != null) {
      for (String b : o.binds()) {
        binds.add(Bind.parse(b));
      }
    }
  }

  /** Ports exposed without publishing ({@code expose}) join the published ones. */
  static void addExposed(ContainerOptions o, List<ExposedPort> exposed) {
    if (o != null) {
      for (String p : o.exposedPorts()) {
        ExposedPort e = ExposedPort.parse(p.contains("/") ? p : p + "/tcp");
        if (!exposed.contains(e)) {
          exposed.add(e);
        }
      }
    }
  }

  static void apply(ContainerOptions o, HostConfig host, CreateContainerCmd cmd) {
    if (o == null) {
      return;
    }
    if (o.domainname() != null) {
      cmd.withDomainName(o.domainname());
    }
    if (o.stopSignal() != null) {
      cmd.withStopSignal(o.stopSignal());
    }
    if (o.macAddress() != null) {
      cmd.withMacAddress(o.macAddress());
    }
    if (o.tty()) {
      cmd.withTty(true);
    }
    if (o.openStdin()) {
      cmd.withStdinOpen(true);
    }
    if (o.ipv4Address() != null) {
      cmd.withIpv4Address(o.ipv4Address());
    }
    if (o.ipv6Address() != null) {
      cmd.withIpv6Address(o.ipv6Address());
    }
    if (!o.volumes().isEmpty()) {
      cmd.withVolumes(o.volumes().stream().map(Volume::new).toList());
    }
    if (o.restart() != null) {
      host.withRestartPolicy(o.restart().equals("no") ? RestartPolicy.noRestart() : RestartPolicy.parse(o.restart()));
    }
    if (!o.capDrop().isEmpty()) {
      host.withCapDrop(o.capDrop().stream().map(DockerOptions::capability).toArray(Capability[]::new));
    }
    host.withPrivileged(o.privileged() ? Boolean.TRUE : null);
    host.withReadonlyRootfs(o.readOnly() ? Boolean.TRUE : null);
    if (!o.dns().isEmpty()) {
      host.withDns(o.dns());
    }
    if (!o.dnsSearch().isEmpty()) {
      host.withDnsSearch(o.dnsSearch());
    }
    if (!o.dnsOptions().isEmpty()) {
      host.withDnsOptions(o.dnsOptions());
    }
    if (!o.extraHosts().isEmpty()) {
      host.withExtraHosts(o.extraHosts().toArray(String[]::new));
    }
    if (!o.sysctls().isEmpty()) {
      host.withSysctls(o.sysctls());
    }
    if (!o.tmpfs().isEmpty()) {
      host.withTmpFs(o.tmpfs());
    }
    if (!o.ulimits().isEmpty()) {
      host.withUlimits(o.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
    }
    host.withShmSize(o.shmSize()).withMemory(o.memory()).withMemoryReservation(o.memoryReservation())
        .withMemorySwap(o.memorySwap()).withNanoCPUs(o.nanoCpus()).withPidsLimit(o.pidsLimit());
    if (o.cpuShares() != null) {
      host.withCpuShares(o.cpuShares().intValue());
    }
    if (o.logDriver() != null || !o.logOptions().isEmpty()) {
      host.withLogConfig(new LogConfig(logType(o.logDriver()), o.logOptions().isEmpty() ? null : o.logOptions()));
    }
    if (o.pidMode() != null) {
      host.withPidMode(o.pidMode());
    }
    if (o.ipcMode() != null) {
      host.withIpcMode(o.ipcMode());
    }
    if (!o.securityOpt().isEmpty()) {
      host.withSecurityOpts(o.securityOpt());
    }
    if (!o.groupAdd().isEmpty()) {
      host.withGroupAdd(o.groupAdd());
    }
    if (!o.volumesFrom().isEmpty()) {
      host.withVolumesFrom(o.volumesFrom().stream().map(VolumesFrom::parse).toList());
    }
    if (!o.links().isEmpty()) {
      host.withLinks(o.links().stream().map(Link::parse).toList());
    }
    if (!o.mounts().isEmpty()) {
      host.withMounts(o.mounts().stream().map(DockerOptions::mount).toList());
    }
  }

  private static Capability capability(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    try {
      return Capability.valueOf(n.startsWith("CAP_") ? n.substring(4) : n);
    } catch (IllegalArgumentException e) {
      throw new EngineException("unknown capability `" + name + "`");
    }
  }

  private static LogConfig.LoggingType logType(String driver) {
    if (driver == null) {
      return LogConfig.LoggingType.DEFAULT;
    }
    for (LogConfig.LoggingType t : LogConfig.LoggingType.values()) {
      if (t.getType().equals(driver)) {
        return t;
      }
    }
    throw new EngineException("unsupported log driver `" + driver + "`");
  }

  private static Mount mount(ContainerOptions.MountPoint m) {
    Mount out = new Mount().withType(MountType.valueOf(m.type().toUpperCase(Locale.ROOT)))
        .withTarget(m.target()).withReadOnly(m.readOnly() ? Boolean.TRUE : null);
    if (m.source() != null) {
      out.withSource(m.source());
    }
    if (m.propagation() != null) {
      out.withBindOptions(new BindOptions().withPropagation(propagation(m.propagation())));
    }
    if (m.noCopy()) {
      out.withVolumeOptions(new VolumeOptions().withNoCopy(true));
    }
    if (m.tmpfsSize() != null || m.tmpfsMode() != null) {
      out.withTmpfsOptions(new TmpfsOptions().withSizeBytes(m.tmpfsSize()).withMode(m.tmpfsMode()));
    }
    return out;
  }

  private static BindPropagation propagation(String p) {
    for (BindPropagation b : BindPropagation.values()) {
      if (b.toString().equals(p)) {
        return b;
      }
    }
    throw new EngineException("unknown bind propagation `" + p + "`");
  }

  static List<String> envList(java.util.Map<String, String> env) {
    List<String> out = new ArrayList<>();
    env.forEach((k, v) -> out.add(v == null ? k : k + "=" + v));
    return out;
  }
}
