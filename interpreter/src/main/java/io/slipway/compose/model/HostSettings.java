package io.slipway.compose.model;

import java.util.List;
import java.util.Map;

/**
 * The less common per-container settings of a service, as Docker takes them. Sizes in bytes,
 * {@code cpus} fractional; null or empty when not set. {@code memLimit}, {@code memReservation}
 * and {@code cpus} already include {@code deploy.resources}, as docker-compose applies them.
 */
public record HostSettings(String domainname, String stopSignal, List<String> capAdd, List<String> capDrop,
    boolean privileged, boolean tty, boolean stdinOpen, boolean readOnly, List<String> dns,
    List<String> dnsSearch, List<String> dnsOpt, Map<String, String> sysctls, List<String> tmpfs,
    Map<String, Ulimit> ulimits, Long shmSize, Long memLimit, Long memReservation, Long memswapLimit,
    Double cpus, Long cpuShares, Long pidsLimit, Logging logging, String pid, String ipc,
    List<String> securityOpt, List<String> groupAdd, String macAddress, List<String> externalLinks) {

  public HostSettings {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    dnsOpt = List.copyOf(dnsOpt);
    sysctls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sysctls));
    tmpfs = List.copyOf(tmpfs);
    ulimits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ulimits));
    securityOpt = List.copyOf(securityOpt);
    groupAdd = List.copyOf(groupAdd);
    externalLinks = List.copyOf(externalLinks);
  }

  /** A resource limit ({@code nofile}, {@code nproc}, ...). */
  public record Ulimit(long soft, long hard) {}

  /** The log driver and its options. */
  public record Logging(String driver, Map<String, String> options) {
    public Logging {
      options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
  }
}
