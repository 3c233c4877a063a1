package io.slipway.compose.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where Slipway differs from docker-compose 1.29.2 on purpose; each difference is taken out of
 * the comparison here, and written down with its reason in the corpus README
 * ({@code src/test/resources/compose-conformance/README.md}). Everything else must be equal.
 */
final class Divergences {
  private Divergences() {}

  /**
   * D1: {@code com.docker.compose.config-hash} is a hash of each tool's own view of the service
   * (docker-compose hashes its Python dict, Slipway the container spec it builds); the two can
   * never be equal, and each tool only compares it with hashes it wrote itself.
   */
  static void containerLabels(Map<String, Object> labels) {
    labels.remove("com.docker.compose.config-hash");
  }

  /**
   * Settings that the engine reads the same way, spelled differently:
   * <ul>
   *   <li>D6: an empty list and no list ({@code VolumesFrom: []} from docker-compose, none from
   *       Slipway);</li>
   *   <li>D7: {@code restart: "no"} is the restart policy {@code no} for docker-compose and the
   *       empty policy name for Slipway (Docker's default, which means the same);</li>
   *   <li>D8: {@code init: false} is sent by docker-compose and left out by Slipway: both mean no
   *       init process unless the daemon is configured with {@code "init": true}.</li>
   * </ul>
   */
  static void hostConfig(Map<String, Object> host) {
    host.replaceAll((k, v) -> v instanceof List<?> l && l.isEmpty() ? null : v);
    if (host.get("RestartPolicy") instanceof Map<?, ?> policy && "no".equals(policy.get("Name"))) {
      Map<String, Object> p = new TreeMap<>();
      policy.forEach((k, v) -> p.put((String) k, v));
      p.put("Name", "");
      host.put("RestartPolicy", p);
    }
    if (Boolean.FALSE.equals(host.get("Init"))) {
      host.remove("Init");
    }
  }

  /**
   * The {@code config} output, parsed, with both sides brought to one spelling where the
   * meaning is the same:
   * <ul>
   *   <li>D2: {@code depends_on} is a list when every condition is {@code service_started}
   *       (docker-compose writes the mapping, which {@code docker stack deploy} rejects);</li>
   *   <li>D3: {@code deploy.resources.*.cpus} is a string ({@code docker stack deploy} rejects a
   *       number);</li>
   *   <li>D4: {@code extra_hosts} is always a list of {@code host:ip} (docker-compose keeps the
   *       mapping form when the file used it);</li>
   *   <li>D5: a service's network without settings is {@code null} where docker-compose writes
   *       {@code {}} after a merge.</li>
   * </ul>
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> config(Map<String, Object> doc) {
    Map<String, Object> out = new TreeMap<>(doc);
    if (out.get("services") instanceof Map<?, ?> services) {
      Map<String, Object> s2 = new TreeMap<>();
      services.forEach((name, v) -> s2.put((String) name, service(new TreeMap<>((Map<String, Object>) v))));
      out.put("services", s2);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> s) {
    if (s.get("depends_on") instanceof List<?> deps) {
      Map<String, Object> m = new TreeMap<>();
      deps.forEach(d -> m.put((String) d, Map.of("condition", "service_started")));
      s.put("depends_on", m);
    }
    if (s.get("deploy") instanceof Map<?, ?> deploy && deploy.get("resources") instanceof Map<?, ?> res) {
      for (Object part : res.values()) {
        if (part instanceof Map<?, ?> limits && limits.get("cpus") instanceof String cpus) {
          ((Map<String, Object>) limits).put("cpus", Double.valueOf(cpus));
        }
      }
    }
    if (s.get("extra_hosts") instanceof Map<?, ?> hosts) {
      List<String> l = new ArrayList<>();
      hosts.forEach((h, ip) -> l.add(h + ":" + ip));
      s.put("extra_hosts", l);
    }
    if (s.get("networks") instanceof Map<?, ?> nets) {
      Map<String, Object> n = new TreeMap<>();
      nets.forEach((k, v) -> n.put((String) k, v == null ? Map.of() : v));
      s.put("networks", n);
    }
    return s;
  }
}
