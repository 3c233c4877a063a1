package io.slipway.compose.load;

import static io.slipway.compose.load.Tree.str;
import static io.slipway.compose.load.Tree.strings;

import io.slipway.compose.model.Deploy;
import io.slipway.compose.model.HostSettings;
import io.slipway.compose.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's {@link HostSettings}. As docker-compose 1.29 does, {@code deploy.resources.limits}
 * set the memory and CPU limits and {@code reservations.memory} the memory reservation, over the
 * service-level keys.
 */
final class HostBuilder {
  private HostBuilder() {}

  static HostSettings build(YamlNode.Mapping s, Deploy deploy) {
    Long memLimit = Tree.bytes(s, "mem_limit");
    Long memReservation = Tree.bytes(s, "mem_reservation");
    Double cpus = Tree.number(s, "cpus");
    Deploy.Resources r = deploy == null ? null : deploy.resources();
    if (r != null && r.limits() != null) {
      memLimit = r.limits().memory();
      cpus = r.limits().cpus() != null ? r.limits().cpus() : cpus;
    }
    if (r != null && r.reservations() != null) {
      memReservation = r.reservations().memory();
    }
    Map<String, HostSettings.Ulimit> ulimits = new LinkedHashMap<>();
    YamlNode.Mapping u = Tree.map(s, "ulimits");
    if (u != null) {
      for (YamlNode.Entry e : u.entries()) {
        if (e.value() instanceof YamlNode.Mapping p) {
          ulimits.put(e.name(), new HostSettings.Ulimit(Tree.integer(p, "soft"), Tree.integer(p, "hard")));
        } else {
          long v = (Long) ((YamlNode.Scalar) e.value()).value();
          ulimits.put(e.name(), new HostSettings.Ulimit(v, v));
        }
      }
    }
    YamlNode.Mapping log = Tree.map(s, "logging");
    HostSettings.Logging logging = log == null ? null
        : new HostSettings.Logging(str(log, "driver"), Tree.dict(log, "options"));
    return new HostSettings(str(s, "domainname"), str(s, "stop_signal"), strings(s, "cap_add"),
        strings(s, "cap_drop"), Tree.flag(s, "privileged"), Tree.flag(s, "tty"), Tree.flag(s, "stdin_open"),
        Tree.flag(s, "read_only"), strings(s, "dns"), strings(s, "dns_search"), strings(s, "dns_opt"),
        Tree.dict(s, "sysctls"), strings(s, "tmpfs"), ulimits, Tree.bytes(s, "shm_size"), memLimit, memReservation,
        Tree.bytes(s, "memswap_limit"), cpus, Tree.integer(s, "cpu_shares"), Tree.integer(s, "pids_limit"), logging,
        str(s, "pid"), str(s, "ipc"), strings(s, "security_opt"), strings(s, "group_add"), str(s, "mac_address"),
        strings(s, "external_links"));
  }
}
