package io.slipway.engine;

import java.util.List;
import java.util.Map;

/**
 * The less common settings of a container, as compose files set them (everything Docker's
 * create call takes beyond {@link ContainerSpec}'s core fields). Null or empty means Docker's
 * default. {@code restart} is Docker's policy string ({@code no}, {@code always},
 * {@code on-failure:3}, {@code unless-stopped}); {@code binds} are raw {@code source:target:mode}
 * strings; {@code mounts} go through Docker's Mounts API; {@code volumes} are anonymous volume
 * paths; {@code exposedPorts} are {@code 3000/tcp}-style ports exposed without publishing;
 * {@code links} are {@code container:alias}.
 */
public record ContainerOptions(String domainname, String stopSignal, String macAddress, boolean tty,
    boolean openStdin, String restart, List<String> capDrop, boolean privileged, boolean readOnly,
    List<String> dns, List<String> dnsSearch, List<String> dnsOptions, List<String> extraHosts,
    Map<String, String> sysctls, Map<String, String> tmpfs, List<Ulimit> ulimits, Long shmSize,
    Long memory, Long memoryReservation, Long memorySwap, Long nanoCpus, Long cpuShares, Long pidsLimit,
    String logDriver, Map<String, String> logOptions, String pidMode, String ipcMode,
    List<String> securityOpt, List<String> groupAdd, List<String> volumesFrom, List<String> links,
    List<String> binds, List<MountPoint> mounts, List<String> volumes, List<String> exposedPorts,
    String ipv4Address, String ipv6Address) {

  public ContainerOptions {
    capDrop = List.copyOf(capDrop);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    dnsOptions = List.copyOf(dnsOptions);
    extraHosts = List.copyOf(extraHosts);
    sysctls = Map.copyOf(sysctls);
    tmpfs = Map.copyOf(tmpfs);
    ulimits = List.copyOf(ulimits);
    logOptions = Map.copyOf(logOptions);
    securityOpt = List.copyOf(securityOpt);
    groupAdd = List.copyOf(groupAdd);
    volumesFrom = List.copyOf(volumesFrom);
    links = List.copyOf(links);
    binds = List.copyOf(binds);
    mounts = List.copyOf(mounts);
    volumes = List.copyOf(volumes);
    exposedPorts = List.copyOf(exposedPorts);
  }

  /** A resource limit ({@code nofile}, {@code nproc}, ...). */
  public record Ulimit(String name, long soft, long hard) {}

  /**
   * A mount through Docker's Mounts API: {@code type} is {@code bind}, {@code volume} or
   * {@code tmpfs}; options apply to their type only.
   */
  public record MountPoint(String type, String source, String target, boolean readOnly, String propagation,
      boolean noCopy, Long tmpfsSize, Integer tmpfsMode) {}
}
