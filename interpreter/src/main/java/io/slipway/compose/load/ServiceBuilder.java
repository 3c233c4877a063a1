package io.slipway.compose.load;

import static io.slipway.compose.load.Tree.dict;
import static io.slipway.compose.load.Tree.map;
import static io.slipway.compose.load.Tree.str;
import static io.slipway.compose.load.Tree.strings;

import io.slipway.compose.model.Build;
import io.slipway.compose.model.Dependency;
import io.slipway.compose.model.Deploy;
import io.slipway.compose.model.FileRef;
import io.slipway.compose.model.Healthcheck;
import io.slipway.compose.model.Link;
import io.slipway.compose.model.Port;
import io.slipway.compose.model.Service;
import io.slipway.compose.model.ServiceNetwork;
import io.slipway.compose.model.ServiceVolume;
import io.slipway.compose.yaml.Pos;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns one canonical, finalized service mapping into a {@link Service}, checking what needs the whole file. */
final class ServiceBuilder {
  private static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");
  private final Ctx cx;
  private final References refs;

  /** What a service may refer to: the project's services, networks, volumes, secrets and configs. */
  record References(java.util.Set<String> services, java.util.Set<String> networks, java.util.Set<String> volumes,
      java.util.Set<String> secrets, java.util.Set<String> configs) {}

  ServiceBuilder(Ctx cx, References refs) {
    this.cx = cx;
    this.refs = refs;
  }

  Service build(String name, YamlNode.Mapping s, Pos pos) {
    String path = "services." + name;
    String image = str(s, "image");
    Build build = build(map(s, "build"));
    if (image == null && build == null) {
      cx.error(Code.E0704, pos, "service `" + name + "` has neither `image` nor `build`", "add `image: <reference>`");
    }
    String networkMode = str(s, "network_mode");
    if (networkMode != null && s.has("networks")) {
      cx.error(Code.E0704, s.get("networks").pos(), "`" + path + "`: `networks` and `network_mode` cannot be combined", null);
    }
    Deploy deploy = DeployBuilder.build(map(s, "deploy"));
    Map<String, Pos> notApplied = new LinkedHashMap<>();
    for (String k : Schema.NOT_APPLIED) {
      if (s.has(k)) {
        notApplied.put(k, s.entry(k).key().pos());
      }
    }
    return new Service(name, pos, image, build, command(s, "command", path), command(s, "entrypoint", path),
        dict(s, "environment"), ports(s), strings(s, "expose"), volumes(s, path),
        networkMode != null ? Map.of() : networks(s, path), networkMode(networkMode, s, path), dependsOn(s, path),
        healthcheck(map(s, "healthcheck"), path), restart(s, deploy, path), dict(s, "labels"),
        str(s, "container_name"), str(s, "hostname"), str(s, "working_dir"), str(s, "user"), links(s, path),
        dict(s, "extra_hosts"), Tree.bool(s, "init"), Tree.duration(s, "stop_grace_period"), deploy,
        scale(s, deploy, path), fileRefs(s, "secrets", refs.secrets(), path), fileRefs(s, "configs", refs.configs(), path),
        strings(s, "profiles"), volumesFrom(s, path), HostBuilder.build(s, deploy), notApplied);
  }

  private Build build(YamlNode.Mapping b) {
    if (b == null) {
      return null;
    }
    return new Build(str(b, "context") == null ? cx.projectDir().toString() : str(b, "context"), str(b, "dockerfile"),
        dict(b, "args"), str(b, "target"), dict(b, "labels"), strings(b, "cache_from"), str(b, "network"),
        Tree.bytes(b, "shm_size"), dict(b, "extra_hosts"));
  }

  private List<String> command(YamlNode.Mapping s, String key, String path) {
    YamlNode v = s.get(key);
    if (v instanceof YamlNode.Sequence) {
      return strings(s, key);
    }
    if (v instanceof YamlNode.Scalar sc && sc.isString()) {
      List<String> words = ShellWords.split(sc.text());
      if (words == null) {
        cx.error(Code.E0704, v, "`" + path + "." + key + "`: a quote is not closed in `" + sc.text() + "`");
      }
      return words;
    }
    return null;
  }

  private List<Port> ports(YamlNode.Mapping s) {
    List<Port> out = new ArrayList<>();
    for (YamlNode.Mapping p : Tree.maps(s, "ports")) {
      Integer published = null;
      Integer end = null;
      String pub = str(p, "published");
      if (pub != null) {
        String[] r = pub.split("-");
        published = Integer.parseInt(r[0]);
        end = r.length > 1 ? Integer.valueOf(r[1]) : null;
      }
      out.add(new Port(Tree.int32(p, "target"), published, end, str(p, "host_ip"),
          str(p, "protocol") == null ? "tcp" : str(p, "protocol"), str(p, "mode"), p.pos()));
    }
    return out;
  }

  private List<ServiceVolume> volumes(YamlNode.Mapping s, String path) {
    List<ServiceVolume> out = new ArrayList<>();
    if (!(s.get("volumes") instanceof YamlNode.Sequence seq)) {
      return out;
    }
    for (YamlNode v : seq.items()) {
      ServiceVolume sv = v instanceof YamlNode.Mapping m ? longVolume(m) : shortVolume((YamlNode.Scalar) v);
      if (sv.type() == ServiceVolume.Type.VOLUME && sv.source() != null && !refs.volumes().contains(sv.source())) {
        cx.error(Code.E0705, v.pos(), "`" + path + "` uses the named volume `" + sv.source()
            + "`, which the top-level `volumes` does not declare", "declare it: `volumes: {" + sv.source() + ": {}}`");
      }
      out.add(sv);
    }
    return out;
  }

  private static ServiceVolume shortVolume(YamlNode.Scalar v) {
    String[] p = v.text().split(":");
    if (p.length == 1) {
      return new ServiceVolume(ServiceVolume.Type.VOLUME, null, p[0], false, "rw", null, null, false, null, null, null, v.pos());
    }
    boolean readOnly = List.of(p[2].split(",")).contains("ro");
    ServiceVolume.Type type = p[0].startsWith("/") ? ServiceVolume.Type.BIND : ServiceVolume.Type.VOLUME;
    return new ServiceVolume(type, p[0], p[1], readOnly, p[2], null, null, false, null, null, null, v.pos());
  }

  private static ServiceVolume longVolume(YamlNode.Mapping m) {
    ServiceVolume.Type type = ServiceVolume.Type.valueOf(str(m, "type").toUpperCase(java.util.Locale.ROOT));
    YamlNode.Mapping bind = map(m, "bind");
    YamlNode.Mapping tmpfs = map(m, "tmpfs");
    return new ServiceVolume(type, str(m, "source"), str(m, "target"), Tree.flag(m, "read_only"), null,
        str(bind, "propagation"), Tree.bool(bind, "create_host_path"), Tree.flag(map(m, "volume"), "nocopy"),
        Tree.bytes(tmpfs, "size"), Tree.int32(tmpfs, "mode"), str(m, "consistency"), m.pos());
  }

  private Map<String, ServiceNetwork> networks(YamlNode.Mapping s, String path) {
    Map<String, ServiceNetwork> out = new LinkedHashMap<>();
    YamlNode.Mapping nets = map(s, "networks");
    if (nets == null) {
      out.put("default", new ServiceNetwork("default", List.of(), null, null, 0, s.pos()));
      return out;
    }
    for (YamlNode.Entry e : nets.entries()) {
      if (!refs.networks().contains(e.name()) && !e.name().equals("default")) {
        cx.error(Code.E0705, e.key().pos(), "`" + path + "` uses the network `" + e.name()
            + "`, which the top-level `networks` does not declare", hint(e.name(), refs.networks()));
        continue;
      }
      YamlNode.Mapping o = e.value() instanceof YamlNode.Mapping m ? m : null;
      Integer priority = Tree.int32(o, "priority");
      out.put(e.name(), new ServiceNetwork(e.name(), strings(o, "aliases"), str(o, "ipv4_address"),
          str(o, "ipv6_address"), priority == null ? 0 : priority, e.key().pos()));
    }
    return out;
  }

  private String networkMode(String mode, YamlNode.Mapping s, String path) {
    if (mode != null && mode.startsWith("service:")) {
      requireService(mode.substring(8), s.get("network_mode"), path + ".network_mode");
    }
    return mode;
  }

  private Map<String, Dependency> dependsOn(YamlNode.Mapping s, String path) {
    Map<String, Dependency> out = new LinkedHashMap<>();
    YamlNode.Mapping d = map(s, "depends_on");
    if (d != null) {
      for (YamlNode.Entry e : d.entries()) {
        if (requireService(e.name(), e.key(), path + ".depends_on")) {
          out.put(e.name(), new Dependency(e.name(),
              Dependency.Condition.of(str((YamlNode.Mapping) e.value(), "condition")), e.key().pos()));
        }
      }
    }
    return out;
  }

  private boolean requireService(String name, YamlNode at, String path) {
    if (refs.services().contains(name)) {
      return true;
    }
    cx.error(Code.E0705, at.pos(), "`" + path + "` names the service `" + name + "`, which is not defined",
        hint(name, refs.services()));
    return false;
  }

  private static String hint(String name, java.util.Set<String> known) {
    return io.slipway.check.DidYouMean.hint(name, known);
  }

  private Healthcheck healthcheck(YamlNode.Mapping h, String path) {
    if (h == null) {
      return null;
    }
    List<String> test = null;
    YamlNode t = h.get("test");
    if (t instanceof YamlNode.Scalar sc && sc.isString()) {
      test = List.of("CMD-SHELL", sc.text());
    } else if (t instanceof YamlNode.Sequence) {
      test = strings(h, "test");
      if (test.isEmpty() || !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
        cx.error(Code.E0704, t, "`" + path + ".healthcheck.test` must start with `CMD`, `CMD-SHELL` or `NONE`");
      }
    }
    Long retries = Tree.integer(h, "retries");
    return new Healthcheck(test, Tree.duration(h, "interval"), Tree.duration(h, "timeout"),
        Tree.duration(h, "start_period"), retries == null ? null : retries.intValue());
  }

  /** {@code restart}, or what {@code deploy.restart_policy} means for a container (as docker-compose maps it). */
  private String restart(YamlNode.Mapping s, Deploy deploy, String path) {
    String r = str(s, "restart");
    if (r != null && !RESTART.matcher(r).matches()) {
      cx.error(Code.E0704, s.get("restart"), "`" + path + ".restart`: `" + r
          + "` is not a restart policy (`no`, `always`, `on-failure[:N]`, `unless-stopped`)");
    }
    if (deploy != null && deploy.restartPolicy() != null) {
      String c = deploy.restartPolicy().condition() == null ? "any" : deploy.restartPolicy().condition();
      r = switch (c) {
        case "none" -> "no";
        case "on-failure" -> deploy.restartPolicy().maxAttempts() == null ? "on-failure"
            : "on-failure:" + deploy.restartPolicy().maxAttempts();
        default -> "always";
      };
    }
    return r;
  }

  private List<Link> links(YamlNode.Mapping s, String path) {
    List<Link> out = new ArrayList<>();
    if (s.get("links") instanceof YamlNode.Sequence seq) {
      for (YamlNode l : seq.items()) {
        String t = ((YamlNode.Scalar) l).text();
        int c = t.indexOf(':');
        String svc = c < 0 ? t : t.substring(0, c);
        if (requireService(svc, l, path + ".links")) {
          out.add(new Link(svc, c < 0 ? svc : t.substring(c + 1)));
        }
      }
    }
    return out;
  }

  private int scale(YamlNode.Mapping s, Deploy deploy, String path) {
    Long scale = Tree.integer(s, "scale");
    Integer replicas = deploy == null || deploy.global() ? null : deploy.replicas();
    if (scale != null && replicas != null) {
      cx.error(Code.E0704, s.get("scale"), "`" + path + "`: set `scale` or `deploy.replicas`, not both");
    }
    int n = replicas != null ? replicas : scale != null ? scale.intValue() : 1;
    if (deploy != null && deploy.placement() != null && deploy.placement().maxReplicasPerNode() != null) {
      n = Math.min(n, deploy.placement().maxReplicasPerNode());
    }
    return Math.max(0, n);
  }

  private List<FileRef> fileRefs(YamlNode.Mapping s, String key, java.util.Set<String> known, String path) {
    List<FileRef> out = new ArrayList<>();
    for (YamlNode.Mapping r : Tree.maps(s, key)) {
      String source = str(r, "source");
      if (!known.contains(source)) {
        cx.error(Code.E0705, r.pos(), "`" + path + "." + key + "` names `" + source
            + "`, which the top-level `" + key + "` does not declare", hint(source, known));
        continue;
      }
      out.add(new FileRef(source, str(r, "target"), str(r, "uid"), str(r, "gid"), Tree.int32(r, "mode"), r.pos()));
    }
    return out;
  }

  private List<String> volumesFrom(YamlNode.Mapping s, String path) {
    List<String> out = strings(s, "volumes_from");
    if (s.get("volumes_from") instanceof YamlNode.Sequence seq) {
      for (YamlNode v : seq.items()) {
        String svc = io.slipway.compose.model.VolumesFrom.service(((YamlNode.Scalar) v).text());
        if (svc != null) {
          requireService(svc, v, path + ".volumes_from");
        }
      }
    }
    return out;
  }
}
