package io.slipway.compose.load;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.compose.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code config()}: the merged, interpolated project as YAML that means what
 * {@code docker-compose config} prints (long-syntax ports, absolute paths, {@code env_file}s read
 * into {@code environment}, a literal {@code $} written {@code $$}) and that
 * {@code docker stack deploy} accepts as it is: {@code depends_on} is a list unless a condition
 * other than {@code service_started} needs the mapping, CPU counts are strings, {@code extra_hosts}
 * a list of {@code host:ip}. Keys are sorted, as docker-compose sorts them.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  public static String render(ComposeProject p) {
    YamlNode.Mapping doc = p.config();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", p.version() == null ? "3.9" : p.version());
    YamlNode.Mapping services = Tree.map(doc, "services");
    Map<String, Object> svcs = new TreeMap<>();
    if (services != null) {
      for (YamlNode.Entry e : services.entries()) {
        svcs.put(escape(e.name()), service((YamlNode.Mapping) e.value()));
      }
    }
    out.put("services", svcs);
    for (String section : List.of("networks", "volumes", "secrets", "configs")) {
      YamlNode.Mapping m = Tree.map(doc, section);
      if (m != null && !m.entries().isEmpty()) {
        Map<String, Object> defs = new TreeMap<>();
        for (YamlNode.Entry e : m.entries()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> def = (Map<String, Object>) plain(e.value());
          if (Boolean.TRUE.equals(def.get("external")) && !def.containsKey("name")) {
            def.put("name", escape(e.name()));
          }
          defs.put(escape(e.name()), def);
        }
        out.put(section, defs);
      }
    }
    return YamlWriter.write(out);
  }

  private static Map<String, Object> service(YamlNode.Mapping s) {
    Map<String, Object> out = new TreeMap<>();
    for (YamlNode.Entry e : s.entries()) {
      String k = e.name();
      YamlNode v = e.value();
      out.put(escape(k), switch (k) {
        case "depends_on" -> dependsOn((YamlNode.Mapping) v);
        case "ports" -> ports((YamlNode.Sequence) v);
        case "healthcheck" -> healthcheck((YamlNode.Mapping) v);
        case "extra_hosts" -> hosts((YamlNode.Mapping) v);
        case "build" -> build((YamlNode.Mapping) v);
        case "deploy" -> deploy((YamlNode.Mapping) v);
        case "volumes_from" -> volumesFrom((YamlNode.Sequence) v);
        default -> plain(v);
      });
    }
    return out;
  }

  private static Object dependsOn(YamlNode.Mapping d) {
    boolean started = d.entries().stream().allMatch(e -> "service_started".equals(Tree.str((YamlNode.Mapping) e.value(), "condition")));
    if (!started) {
      return plain(d);
    }
    List<Object> names = new ArrayList<>();
    d.entries().forEach(e -> names.add(escape(e.name())));
    return names;
  }

  /** {@code type:name:mode}, as docker-compose writes it ({@code db} is {@code service:db:rw}). */
  private static List<Object> volumesFrom(YamlNode.Sequence from) {
    List<Object> out = new ArrayList<>();
    for (YamlNode n : from.items()) {
      String entry = ((YamlNode.Scalar) n).text();
      String service = io.slipway.compose.model.VolumesFrom.service(entry);
      String mode = io.slipway.compose.model.VolumesFrom.mode(entry);
      out.add(escape(service != null ? "service:" + service + ":" + mode
          : "container:" + entry.split(":")[1] + ":" + mode));
    }
    return out;
  }

  private static Object ports(YamlNode.Sequence ports) {
    List<Object> out = new ArrayList<>();
    for (YamlNode p : ports.items()) {
      YamlNode.Mapping m = (YamlNode.Mapping) p;
      String published = Tree.str(m, "published");
      if (m.has("host_ip") || published != null && published.contains("-")) {
        String ip = Tree.str(m, "host_ip");
        out.add((ip == null ? "" : ip + ":") + (published == null ? "" : published) + (ip != null || published != null ? ":" : "")
            + Tree.str(m, "target") + "/" + (m.has("protocol") ? Tree.str(m, "protocol") : "tcp"));
      } else {
        out.add(plain(p));
      }
    }
    return out;
  }

  private static Object healthcheck(YamlNode.Mapping h) {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) plain(h);
    for (String k : List.of("interval", "timeout", "start_period")) {
      java.time.Duration d = Tree.duration(h, k);
      if (d != null) {
        out.put(k, Units.format(d));
      }
    }
    return out;
  }

  private static List<Object> hosts(YamlNode.Mapping h) {
    List<Object> out = new ArrayList<>();
    h.entries().forEach(e -> out.add(escape(e.name() + ":" + ((YamlNode.Scalar) e.value()).text())));
    return out;
  }

  private static Object build(YamlNode.Mapping b) {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) plain(b);
    if (Tree.map(b, "extra_hosts") != null) {
      out.put("extra_hosts", hosts(Tree.map(b, "extra_hosts")));
    }
    return out;
  }

  /** {@code deploy}, with CPU counts as strings ({@code docker stack deploy} rejects numbers). */
  @SuppressWarnings("unchecked")
  private static Object deploy(YamlNode.Mapping d) {
    Map<String, Object> out = (Map<String, Object>) plain(d);
    if (out.get("resources") instanceof Map<?, ?> r) {
      for (Object part : r.values()) {
        if (part instanceof Map<?, ?> limits && limits.get("cpus") instanceof Number n) {
          ((Map<String, Object>) limits).put("cpus", number(n));
        }
      }
    }
    return out;
  }

  private static String number(Number n) {
    if (n instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(n);
  }

  /** A canonical node as plain Java values, mapping keys sorted, strings {@code $}-escaped. */
  static Object plain(YamlNode n) {
    return switch (n) {
      case YamlNode.Scalar s -> s.value() instanceof String t ? escape(t) : s.value();
      case YamlNode.Sequence s -> {
        List<Object> out = new ArrayList<>();
        s.items().forEach(i -> out.add(plain(i)));
        yield out;
      }
      case YamlNode.Mapping m -> {
        Map<String, Object> out = new TreeMap<>();
        m.entries().forEach(e -> out.put(escape(e.name()), plain(e.value())));
        yield out;
      }
    };
  }

  private static String escape(String s) {
    return s.replace("$", "$$");
  }
}
