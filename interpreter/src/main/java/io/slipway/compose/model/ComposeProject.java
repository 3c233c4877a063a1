package io.slipway.compose.model;

import io.slipway.compose.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose project: its name (as Compose normalizes it: lower case, letters, digits, {@code -}
 * and {@code _}), its directory (the first file's), the files it was read from, and the merged
 * services, networks, volumes, secrets and configs. {@code config} is the merged, interpolated
 * canonical document that {@code config()} renders. {@code version} is the first file's
 * {@code version}, or null for the unversioned Compose Specification.
 */
public record ComposeProject(String name, Path workingDir, List<Path> files, String version,
    Map<String, Service> services, Map<String, NetworkDef> networks, Map<String, VolumeDef> volumes,
    Map<String, FileDef> secrets, Map<String, FileDef> configs, YamlNode.Mapping config) {

  public ComposeProject {
    files = List.copyOf(files);
    services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    networks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    volumes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
    secrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    configs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configs));
  }

  /** The service called {@code name}, or null. */
  public Service service(String name) {
    return services.get(name);
  }

  /**
   * Every service in an order where each comes after what it depends on ({@code depends_on},
   * {@code links}, {@code volumes_from}, {@code network_mode: service:x}); ties keep file order.
   */
  public List<Service> inDependencyOrder() {
    List<Service> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Service s : services.values()) {
      visit(s, done, out, new java.util.HashSet<>());
    }
    return out;
  }

  private void visit(Service s, java.util.Set<String> done, List<Service> out, java.util.Set<String> path) {
    if (done.contains(s.name()) || !path.add(s.name())) {
      return; // cycles are rejected when loading
    }
    for (String dep : s.dependencies()) {
      Service d = services.get(dep);
      if (d != null) {
        visit(d, done, out, path);
      }
    }
    done.add(s.name());
    out.add(s);
  }

  /**
   * The services to start for {@code names} (all services without a profile when empty): them
   * and, transitively, what they depend on, in dependency order.
   */
  public List<Service> withDependencies(List<String> names) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    List<String> queue = new ArrayList<>();
    if (names.isEmpty()) {
      services.values().stream().filter(s -> s.profiles().isEmpty()).forEach(s -> queue.add(s.name()));
    } else {
      queue.addAll(names);
    }
    while (!queue.isEmpty()) {
      String n = queue.remove(queue.size() - 1);
      Service s = services.get(n);
      if (s != null && wanted.add(n)) {
        queue.addAll(s.dependencies());
      }
    }
    return inDependencyOrder().stream().filter(s -> wanted.contains(s.name())).toList();
  }
}
