package io.slipway.compose.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A container as {@code docker inspect} shows it, reduced to what a compose tool decides: the
 * whole {@code Config} and {@code HostConfig}, each network's aliases, addresses and links, the
 * mounts and the name. What the engine makes up per container is replaced by a placeholder (the
 * default hostname, anonymous volume names, container ids), the project name by
 * {@code <project>}, and the deliberate divergences of {@link Divergences} are taken out.
 */
final class ContainerView {
  private static final Pattern ANONYMOUS = Pattern.compile("[0-9a-f]{64}");

  private ContainerView() {}

  /**
   * @param inspect one element of {@code docker inspect}'s array
   * @param names container id to name, for {@code network_mode: service:x}
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> of(Map<String, Object> inspect, String project, Map<String, String> names) {
    String id = (String) inspect.get("Id");
    String shortId = id.substring(0, 12);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Name", ((String) inspect.get("Name")).substring(1));

    Map<String, Object> config = new TreeMap<>((Map<String, Object>) inspect.get("Config"));
    if (shortId.equals(config.get("Hostname"))) {
      config.put("Hostname", "<container id>");
    }
    names.forEach((otherId, otherName) -> {
      if (!otherId.equals(id) && otherId.substring(0, 12).equals(config.get("Hostname"))) {
        config.put("Hostname", "<container id of " + otherName + ">"); // network_mode: service:x
      }
    });
    if (config.get("Env") instanceof List<?> env) {
      config.put("Env", env.stream().map(String::valueOf).sorted().toList());
    }
    if (config.get("Labels") instanceof Map<?, ?> labels) {
      Map<String, Object> l = new TreeMap<>((Map<String, Object>) labels);
      Divergences.containerLabels(l);
      config.put("Labels", l);
    }
    out.put("Config", config);

    Map<String, Object> host = new TreeMap<>((Map<String, Object>) inspect.get("HostConfig"));
    if (host.get("NetworkMode") instanceof String mode && mode.startsWith("container:")) {
      String target = mode.substring("container:".length());
      host.put("NetworkMode", "container:" + names.getOrDefault(target, target));
    }
    if (host.get("VolumesFrom") instanceof List<?> from) {
      // docker-compose names the container by id, Slipway by name: the same container
      host.put("VolumesFrom", from.stream().map(String::valueOf).map(v -> {
        int colon = v.indexOf(':');
        String c = colon < 0 ? v : v.substring(0, colon);
        return names.getOrDefault(c, c) + (colon < 0 ? "" : v.substring(colon));
      }).toList());
    }
    if (host.get("Mounts") instanceof List<?> ms) {
      // the engine mounts by target path: the order of the list means nothing
      List<Object> sortedMounts = new ArrayList<>(ms);
      sortedMounts.sort(Comparator.comparing(m -> String.valueOf(((Map<?, ?>) m).get("Target"))));
      host.put("Mounts", sortedMounts);
    }
    for (String sorted : List.of("Binds", "Links", "ExtraHosts", "VolumesFrom")) {
      if (host.get(sorted) instanceof List<?> l) {
        host.put(sorted, l.stream().map(String::valueOf).sorted().toList());
      }
    }
    Divergences.hostConfig(host);
    out.put("HostConfig", host);

    Map<String, Object> networks = new TreeMap<>();
    Map<String, Object> settings = (Map<String, Object>) inspect.get("NetworkSettings");
    if (settings.get("Networks") instanceof Map<?, ?> nets) {
      nets.forEach((name, v) -> {
        Map<String, Object> n = (Map<String, Object>) v;
        Map<String, Object> keep = new TreeMap<>();
        if (n.get("Aliases") instanceof List<?> aliases) {
          keep.put("Aliases", aliases.stream().map(String::valueOf).filter(a -> !a.equals(shortId)).sorted().toList());
        } else {
          keep.put("Aliases", n.get("Aliases"));
        }
        keep.put("IPAMConfig", n.get("IPAMConfig"));
        keep.put("Links", n.get("Links") instanceof List<?> l ? l.stream().map(String::valueOf).sorted().toList() : null);
        keep.put("DriverOpts", n.get("DriverOpts"));
        networks.put((String) name, keep);
      });
    }
    out.put("Networks", networks);

    List<Map<String, Object>> mounts = new ArrayList<>();
    for (Object m : (List<Object>) inspect.get("Mounts")) {
      Map<String, Object> mount = new TreeMap<>((Map<String, Object>) m);
      if (mount.get("Name") instanceof String name && ANONYMOUS.matcher(name).matches()) {
        mount.put("Name", "<anonymous>");
        mount.put("Source", ((String) mount.get("Source")).replace(name, "<anonymous>"));
      }
      mounts.add(mount);
    }
    mounts.sort(Comparator.comparing(m -> String.valueOf(m.get("Destination"))));
    out.put("Mounts", mounts);
    return (Map<String, Object>) replace(out, project);
  }

  /** Every string (and map key) with the project name written {@code <project>}. */
  private static Object replace(Object o, String project) {
    if (o instanceof String s) {
      return s.replace(project, "<project>");
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put((String) replace(String.valueOf(k), project), replace(v, project)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(replace(x, project)));
      return out;
    }
    return o;
  }
}
