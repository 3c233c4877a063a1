package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service of a compose project, merged over every file.
 *
 * @param image the image reference; for a service with {@code build} and no {@code image}, null
 *     (the lifecycle names the built image {@code <project>_<service>} as Compose does)
 * @param command the command as an argument vector (a string command is split like a POSIX
 *     shell, as Compose does), or null for the image's CMD
 * @param entrypoint likewise, null for the image's ENTRYPOINT
 * @param environment the final environment ({@code env_file}s, then {@code environment}); a null
 *     value is a variable passed without a value
 * @param networks the networks the service joins (key: the network's name in the file); empty
 *     when {@code networkMode} is set
 * @param scale how many containers {@code up} starts ({@code deploy.replicas}, {@code scale}, 1)
 * @param host the long tail of per-container settings (capabilities, DNS, limits, ...)
 * @param notApplied keys the file sets that {@code up} does not apply, with where they are
 */
public record Service(String name, Pos pos, String image, Build build, List<String> command,
    List<String> entrypoint, Map<String, String> environment, List<Port> ports, List<String> expose,
    List<ServiceVolume> volumes, Map<String, ServiceNetwork> networks, String networkMode,
    Map<String, Dependency> dependsOn, Healthcheck healthcheck, String restart,
    Map<String, String> labels, String containerName, String hostname, String workingDir, String user,
    List<Link> links, Map<String, String> extraHosts, Boolean init, Duration stopGracePeriod,
    Deploy deploy, int scale, List<FileRef> secrets, List<FileRef> configs, List<String> profiles,
    List<String> volumesFrom, HostSettings host, Map<String, Pos> notApplied) {

  public Service {
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    ports = List.copyOf(ports);
    expose = List.copyOf(expose);
    volumes = List.copyOf(volumes);
    networks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    dependsOn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    links = List.copyOf(links);
    extraHosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraHosts));
    secrets = List.copyOf(secrets);
    configs = List.copyOf(configs);
    profiles = List.copyOf(profiles);
    volumesFrom = List.copyOf(volumesFrom);
    notApplied = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notApplied));
  }

  /**
   * The services this one needs started first: {@code depends_on}, {@code links},
   * {@code volumes_from} and {@code network_mode: service:x}.
   */
  public List<String> dependencies() {
    List<String> out = new ArrayList<>(dependsOn.keySet());
    for (Link l : links) {
      if (!out.contains(l.service())) {
        out.add(l.service());
      }
    }
    for (String v : volumesFrom) {
      String s = VolumesFrom.service(v);
      if (s != null && !out.contains(s)) {
        out.add(s);
      }
    }
    if (networkMode != null && networkMode.startsWith("service:") && !out.contains(networkMode.substring(8))) {
      out.add(networkMode.substring(8));
    }
    return out;
  }

  /** How long {@code down} waits after SIGTERM: {@code stop_grace_period}, else 10 s. */
  public Duration stopTimeout() {
    return stopGracePeriod == null ? Duration.ofSeconds(10) : stopGracePeriod;
  }
}
