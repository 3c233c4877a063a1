package io.slipway.engine.explain;

import io.slipway.engine.ContainerOptions;
import java.util.ArrayList;
import java.util.List;

/** The {@code docker run} flags of the less common settings ({@link ContainerOptions}). */
final class OptionFlags {
  private OptionFlags() {}

  static void add(List<String> a, ContainerOptions o) {
    opt(a, "--domainname", o.domainname());
    opt(a, "--stop-signal", o.stopSignal());
    opt(a, "--mac-address", o.macAddress());
    opt(a, "--restart", o.restart());
    all(a, "--cap-drop", o.capDrop());
    if (o.privileged()) {
      a.add("--privileged");
    }
    if (o.readOnly()) {
      a.add("--read-only");
    }
    all(a, "--dns", o.dns());
    all(a, "--dns-search", o.dnsSearch());
    all(a, "--dns-option", o.dnsOptions());
    all(a, "--add-host", o.extraHosts());
    o.sysctls().forEach((k, v) -> ContainerFlags.flag(a, "--sysctl", k + "=" + v));
    o.tmpfs().forEach((k, v) -> ContainerFlags.flag(a, "--tmpfs", v == null || v.isEmpty() ? k : k + ":" + v));
    for (ContainerOptions.Ulimit u : o.ulimits()) {
      ContainerFlags.flag(a, "--ulimit", u.name() + "=" + u.soft() + (u.hard() == u.soft() ? "" : ":" + u.hard()));
    }
    num(a, "--shm-size", o.shmSize());
    num(a, "--memory", o.memory());
    num(a, "--memory-reservation", o.memoryReservation());
    num(a, "--memory-swap", o.memorySwap());
    if (o.nanoCpus() != null) {
      ContainerFlags.flag(a, "--cpus", ContainerFlags.cpus(o.nanoCpus()));
    }
    num(a, "--cpu-shares", o.cpuShares());
    num(a, "--pids-limit", o.pidsLimit());
    opt(a, "--log-driver", o.logDriver());
    o.logOptions().forEach((k, v) -> ContainerFlags.flag(a, "--log-opt", k + "=" + v));
    opt(a, "--pid", o.pidMode());
    opt(a, "--ipc", o.ipcMode());
    all(a, "--security-opt", o.securityOpt());
    all(a, "--group-add", o.groupAdd());
    all(a, "--volumes-from", o.volumesFrom());
    all(a, "--link", o.links());
    all(a, "-v", o.binds());
    for (ContainerOptions.MountPoint m : o.mounts()) {
      ContainerFlags.flag(a, "--mount", mount(m));
    }
    all(a, "-v", o.volumes());
    all(a, "--expose", o.exposedPorts());
    opt(a, "--ip", o.ipv4Address());
    opt(a, "--ip6", o.ipv6Address());
  }

  /** {@code type=bind,source=/a,target=/b,readonly,...} as {@code --mount} takes it. */
  static String mount(ContainerOptions.MountPoint m) {
    List<String> parts = new ArrayList<>();
    parts.add("type=" + m.type());
    if (m.source() != null && !m.source().isEmpty()) {
      parts.add("source=" + m.source());
    }
    parts.add("target=" + m.target());
    if (m.readOnly()) {
      parts.add("readonly");
    }
    if (m.propagation() != null) {
      parts.add("bind-propagation=" + m.propagation());
    }
    if (m.noCopy()) {
      parts.add("volume-nocopy");
    }
    if (m.tmpfsSize() != null) {
      parts.add("tmpfs-size=" + m.tmpfsSize());
    }
    if (m.tmpfsMode() != null) {
      parts.add("tmpfs-mode=" + Integer.toOctalString(m.tmpfsMode()));
    }
    return String.join(",", parts);
  }

  private static void opt(List<String> a, String flag, String v) {
    if (v != null && !v.isEmpty()) {
      ContainerFlags.flag(a, flag, v);
    }
  }

  private static void num(List<String> a, String flag, Long v) {
    if (v != null) {
      ContainerFlags.flag(a, flag, Long.toString(v));
    }
  }

  private static void all(List<String> a, String flag, List<String> vs) {
    for (String v : vs) {
      ContainerFlags.flag(a, flag, v);
    }
  }
}
