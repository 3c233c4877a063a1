package io.slipway.compose.load;

import static io.slipway.compose.load.Tree.dict;
import static io.slipway.compose.load.Tree.map;
import static io.slipway.compose.load.Tree.str;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.FileDef;
import io.slipway.compose.model.NetworkDef;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.VolumeDef;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project model from the merged, finalized canonical document; checks references and cycles. */
final class ModelBuilder {
  private final Ctx cx;
  private final String project;

  ModelBuilder(Ctx cx, String project) {
    this.cx = cx;
    this.project = project;
  }

  ComposeProject build(Path dir, List<Path> files, String version, YamlNode.Mapping doc) {
    Map<String, NetworkDef> networks = new LinkedHashMap<>();
    forEach(doc, "networks", (k, m) -> networks.put(k, network(k, m)));
    Map<String, VolumeDef> volumes = new LinkedHashMap<>();
    forEach(doc, "volumes", (k, m) -> volumes.put(k, new VolumeDef(k, engineName(k, m), str(m, "driver"),
        driverOpts(m), Tree.flag(m, "external"), dict(m, "labels"), m.pos())));
    Map<String, FileDef> secrets = new LinkedHashMap<>();
    forEach(doc, "secrets", (k, m) -> secrets.put(k, fileDef("secret", k, m)));
    Map<String, FileDef> configs = new LinkedHashMap<>();
    forEach(doc, "configs", (k, m) -> configs.put(k, fileDef("config", k, m)));
    YamlNode.Mapping svcs = map(doc, "services");
    var refs = new ServiceBuilder.References(svcs == null ? java.util.Set.of() : new java.util.HashSet<>(svcs.keys()),
        networks.keySet(), volumes.keySet(), secrets.keySet(), configs.keySet());
    ServiceBuilder sb = new ServiceBuilder(cx, refs);
    Map<String, Service> services = new LinkedHashMap<>();
    if (svcs != null) {
      for (YamlNode.Entry e : svcs.entries()) {
        services.put(e.name(), sb.build(e.name(), (YamlNode.Mapping) e.value(), e.key().pos()));
      }
    }
    boolean usesDefault = services.values().stream().anyMatch(s -> s.networks().containsKey("default"));
    if (usesDefault && !networks.containsKey("default")) {
      networks.put("default", new NetworkDef("default", project + "_default", null, Map.of(), null, false, false,
          null, null, Map.of(), doc.pos()));
    }
    cycles(services);
    return new ComposeProject(project, dir, files, version, services, networks, volumes, secrets, configs, doc);
  }

  private static void forEach(YamlNode.Mapping doc, String section,
      java.util.function.BiConsumer<String, YamlNode.Mapping> f) {
    YamlNode.Mapping m = map(doc, section);
    if (m != null) {
      for (YamlNode.Entry e : m.entries()) {
        f.accept(e.name(), (YamlNode.Mapping) e.value());
      }
    }
  }

  private String engineName(String key, YamlNode.Mapping m) {
    String name = str(m, "name");
    if (name != null) {
      return name;
    }
    return Tree.flag(m, "external") ? key : project + "_" + key;
  }

  private static Map<String, String> driverOpts(YamlNode.Mapping m) {
    return dict(m, "driver_opts");
  }

  private NetworkDef network(String key, YamlNode.Mapping m) {
    YamlNode.Mapping ipam = map(m, "ipam");
    NetworkDef.Ipam i = null;
    if (ipam != null) {
      List<NetworkDef.Pool> pools = new ArrayList<>();
      for (YamlNode.Mapping p : Tree.maps(ipam, "config")) {
        pools.add(new NetworkDef.Pool(str(p, "subnet"), str(p, "ip_range"), str(p, "gateway"), dict(p, "aux_addresses")));
      }
      i = new NetworkDef.Ipam(str(ipam, "driver"), pools, dict(ipam, "options"));
    }
    return new NetworkDef(key, engineName(key, m), str(m, "driver"), dict(m, "driver_opts"), i,
        Tree.flag(m, "external"), Tree.flag(m, "internal"), Tree.bool(m, "attachable"), Tree.bool(m, "enable_ipv6"),
        dict(m, "labels"), m.pos());
  }

  private FileDef fileDef(String what, String key, YamlNode.Mapping m) {
    String file = str(m, "file");
    boolean external = Tree.flag(m, "external");
    String env = str(m, "environment");
    if (file == null && !external && env == null && !m.has("content")) {
      cx.error(Code.E0704, m.pos(), what + " `" + key + "` needs `file`, `environment` or `external: true`", null);
    }
    return new FileDef(key, engineName(key, m), file, env, external,
        dict(m, "labels"), m.pos());
  }

  /** A service that (transitively) needs itself: one error naming the cycle. */
  private void cycles(Map<String, Service> services) {
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      List<String> path = new ArrayList<>();
      if (cycleFrom(name, services, state, path)) {
        Service s = services.get(path.get(0));
        List<String> loop = new ArrayList<>(path);
        loop.add(path.get(0));
        cx.error(Code.E0709, s.pos(), "services depend on each other in a cycle: " + String.join(" -> ", loop),
            "remove one of these `depends_on`/`links`");
        return;
      }
    }
  }

  private static boolean cycleFrom(String name, Map<String, Service> services, Map<String, Integer> state,
      List<String> path) {
    Integer st = state.get(name);
    if (st != null) {
      if (st == 1) {
        int at = path.indexOf(name);
        List<String> loop = new ArrayList<>(path.subList(at, path.size()));
        path.clear();
        path.addAll(loop);
        return true;
      }
      return false;
    }
    Service s = services.get(name);
    if (s == null) {
      return false;
    }
    state.put(name, 1);
    path.add(name);
    for (String dep : s.dependencies()) {
      if (cycleFrom(dep, services, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return false;
  }
}
