package io.slipway.compose.load;

import static io.slipway.compose.load.Scalars.BOOL;
import static io.slipway.compose.load.Scalars.BYTES_KIND;
import static io.slipway.compose.load.Scalars.DURATION_KIND;
import static io.slipway.compose.load.Scalars.INT;
import static io.slipway.compose.load.Scalars.NUMBER_KIND;
import static io.slipway.compose.load.Scalars.STRING;
import static io.slipway.compose.load.Scalars.STRING_OR_NUMBER;

import io.slipway.compose.load.Dicts.Values;
import io.slipway.compose.yaml.YamlNode;

/**
 * The keys of a compose file (formats 2.x, 3.x and the Compose Specification, which
 * docker-compose 1.29 reads with one schema) and how each is checked and merged. A key missing
 * here is unknown: a warning, and dropped.
 */
final class Schema {
  private Schema() {}

  private static Kind strings() {
    return Shapes.list(STRING);
  }

  private static Kind unique(Kind item) {
    return Shapes.list(item).merging(Shapes::union);
  }

  static final ObjectKind RESOURCE_LIMITS = ObjectKind.object()
      .field("cpus", NUMBER_KIND)
      .field("memory", BYTES_KIND)
      .field("pids", INT)
      .field("generic_resources", Shapes.list(ObjectKind.object()
          .field("discrete_resource_spec", ObjectKind.object().field("kind", STRING).field("value", INT))))
      .field("devices", Shapes.list(ObjectKind.object()
          .field("capabilities", Shapes.list(STRING)).field("count", STRING_OR_NUMBER)
          .field("device_ids", Shapes.list(STRING)).field("driver", STRING)
          .field("options", Dicts.of(Values.STRINGS))).merging(Shapes::concat));

  private static ObjectKind updateConfig() {
    return ObjectKind.object()
        .field("parallelism", INT)
        .field("delay", DURATION_KIND)
        .field("failure_action", Scalars.oneOf("continue", "rollback", "pause"))
        .field("monitor", DURATION_KIND)
        .field("max_failure_ratio", NUMBER_KIND)
        .field("order", Scalars.oneOf("start-first", "stop-first"));
  }

  /** {@code deploy}: used for replicas and resources by {@code up}, and whole by Swarm deploys. */
  static final ObjectKind DEPLOY = ObjectKind.object()
      .field("mode", Scalars.oneOf("replicated", "global"))
      .field("endpoint_mode", Scalars.oneOf("vip", "dnsrr"))
      .field("replicas", INT)
      .field("labels", Dicts.of(Values.LABELS))
      .field("rollback_config", updateConfig())
      .field("update_config", updateConfig())
      .field("resources", ObjectKind.object().field("limits", RESOURCE_LIMITS).field("reservations", RESOURCE_LIMITS))
      .field("restart_policy", ObjectKind.object()
          .field("condition", Scalars.oneOf("none", "on-failure", "any"))
          .field("delay", DURATION_KIND)
          .field("max_attempts", INT)
          .field("window", DURATION_KIND))
      .field("placement", ObjectKind.object()
          .field("constraints", unique(STRING))
          .field("preferences", Shapes.list(ObjectKind.object().field("spread", STRING)).merging(Shapes::concat))
          .field("max_replicas_per_node", INT));

  /** A service. */
  static final ObjectKind SERVICE = ObjectKind.object()
      .field("image", STRING)
      .field("build", ServiceKinds.BUILD_KIND)
      .field("command", ServiceKinds.COMMAND)
      .field("entrypoint", ServiceKinds.COMMAND)
      .field("environment", Dicts.of(Values.ENV))
      .field("env_file", Shapes.listOrOne(STRING))
      .field("ports", Ports.KIND)
      .field("expose", unique(STRING_OR_NUMBER))
      .field("volumes", Volumes.KIND)
      .field("volumes_from", unique(STRING))
      .field("networks", ServiceKinds.NETWORKS)
      .field("network_mode", STRING)
      .field("depends_on", ServiceKinds.DEPENDS_ON)
      .field("healthcheck", ServiceKinds.HEALTHCHECK)
      .field("restart", STRING)
      .field("labels", Dicts.of(Values.LABELS))
      .field("container_name", STRING)
      .field("hostname", STRING)
      .field("domainname", STRING)
      .field("working_dir", STRING)
      .field("user", STRING)
      .field("links", ServiceKinds.LINKS)
      .field("external_links", unique(STRING))
      .field("extra_hosts", Dicts.HOSTS)
      .field("init", BOOL)
      .field("stop_grace_period", DURATION_KIND)
      .field("stop_signal", STRING)
      .field("deploy", DEPLOY)
      .field("scale", INT)
      .field("secrets", ServiceKinds.FILE_REFS)
      .field("configs", ServiceKinds.FILE_REFS)
      .field("profiles", unique(STRING))
      .field("cap_add", unique(STRING))
      .field("cap_drop", unique(STRING))
      .field("privileged", BOOL)
      .field("tty", BOOL)
      .field("stdin_open", BOOL)
      .field("read_only", BOOL)
      .field("dns", Shapes.listOrOne(STRING))
      .field("dns_search", Shapes.listOrOne(STRING))
      .field("dns_opt", unique(STRING))
      .field("sysctls", Dicts.of(Values.STRINGS))
      .field("tmpfs", Shapes.listOrOne(STRING))
      .field("ulimits", ServiceKinds.ULIMITS)
      .field("shm_size", BYTES_KIND)
      .field("mem_limit", BYTES_KIND)
      .field("mem_reservation", BYTES_KIND)
      .field("memswap_limit", BYTES_KIND)
      .field("cpus", NUMBER_KIND)
      .field("cpu_shares", INT)
      .field("pids_limit", INT)
      .field("logging", ServiceKinds.LOGGING)
      .field("pid", STRING)
      .field("ipc", STRING)
      .field("security_opt", unique(STRING))
      .field("group_add", unique(STRING_OR_NUMBER))
      .field("mac_address", STRING)
      .field("platform", STRING)
      .field("pull_policy", Scalars.oneOf("always", "never", "if_not_present", "build", "missing"))
      .field("extends", ServiceKinds.EXTENDS)
      // valid Compose keys that Slipway keeps in `config` but does not apply (warned at `up`)
      .field("blkio_config", ObjectKind.object()
          .field("weight", INT).field("weight_device", strings()).field("device_read_bps", strings())
          .field("device_read_iops", strings()).field("device_write_bps", strings()).field("device_write_iops", strings()))
      .field("cgroup_parent", STRING)
      .field("cpu_count", INT)
      .field("cpu_percent", INT)
      .field("cpu_period", STRING_OR_NUMBER)
      .field("cpu_quota", STRING_OR_NUMBER)
      .field("cpu_rt_period", STRING_OR_NUMBER)
      .field("cpu_rt_runtime", STRING_OR_NUMBER)
      .field("cpuset", STRING)
      .field("credential_spec", ObjectKind.object().field("config", STRING).field("file", STRING).field("registry", STRING))
      .field("device_cgroup_rules", unique(STRING))
      .field("devices", unique(STRING))
      .field("isolation", STRING)
      .field("mem_swappiness", INT)
      .field("oom_kill_disable", BOOL)
      .field("oom_score_adj", INT)
      .field("runtime", STRING)
      .field("storage_opt", Dicts.of(Values.STRINGS))
      .field("userns_mode", STRING)
      .field("volume_driver", STRING);

  /** Keys {@link #SERVICE} accepts that {@code up} does not apply (a warning when used). */
  static final java.util.List<String> NOT_APPLIED = java.util.List.of("blkio_config", "cgroup_parent",
      "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpuset",
      "credential_spec", "device_cgroup_rules", "devices", "isolation", "mem_swappiness", "oom_kill_disable",
      "oom_score_adj", "runtime", "storage_opt", "userns_mode", "volume_driver", "configs", "platform");

  /** {@code external: true} or the legacy {@code external: {name: x}} (see {@link #external}). */
  static final Kind EXTERNAL = (n, path, cx) -> n instanceof YamlNode.Mapping
      ? ObjectKind.object().field("name", STRING).normalize(n, path, cx) : BOOL.normalize(n, path, cx);

  /**
   * Brings the legacy {@code external: {name: x}} into the current form
   * {@code external: true, name: x}, as {@code docker-compose config} does.
   */
  static Kind external(ObjectKind fields) {
    return new Kind() {
      @Override
      public YamlNode normalize(YamlNode n, String path, Ctx cx) {
        if (!(fields.normalize(n, path, cx) instanceof YamlNode.Mapping m)) {
          return null;
        }
        if (!(m.get("external") instanceof YamlNode.Mapping ext)) {
          return m;
        }
        java.util.List<YamlNode.Entry> out = new java.util.ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
          out.add(e.name().equals("external")
              ? new YamlNode.Entry(e.key(), new YamlNode.Scalar(true, ext.pos())) : e);
        }
        if (ext.get("name") != null && !m.has("name")) {
          out.add(new YamlNode.Entry(new YamlNode.Scalar("name", ext.pos()), ext.get("name")));
        }
        return new YamlNode.Mapping(out, m.pos());
      }

      @Override
      public YamlNode merge(YamlNode base, YamlNode override) {
        return fields.merge(base, override);
      }
    };
  }

  static final ObjectKind NETWORK = ObjectKind.object()
      .field("name", STRING)
      .field("driver", STRING)
      .field("driver_opts", Dicts.of(Values.STRINGS))
      .field("ipam", ObjectKind.object()
          .field("driver", STRING)
          .field("config", Shapes.list(ObjectKind.object()
              .field("subnet", STRING).field("ip_range", STRING).field("gateway", STRING)
              .field("aux_addresses", Dicts.of(Values.STRINGS))))
          .field("options", Dicts.of(Values.STRINGS)))
      .field("external", EXTERNAL)
      .field("internal", BOOL)
      .field("attachable", BOOL)
      .field("enable_ipv6", BOOL)
      .field("labels", Dicts.of(Values.LABELS));

  static final ObjectKind VOLUME = ObjectKind.object()
      .field("name", STRING)
      .field("driver", STRING)
      .field("driver_opts", Dicts.of(Values.STRINGS))
      .field("external", EXTERNAL)
      .field("labels", Dicts.of(Values.LABELS));

  /** A host path, made absolute against the project directory. */
  static final Kind PATH = (n, path, cx) -> STRING.normalize(n, path, cx) instanceof YamlNode.Scalar s
      ? new YamlNode.Scalar(cx.absolute(s.text()), s.pos()) : null;

  /** A local volume bound to a host directory ({@code o: bind}) names it by absolute path, as Compose writes it. */
  static Kind bindDevice(Kind volume) {
    return new Kind() {
      @Override
      public YamlNode normalize(YamlNode n, String path, Ctx cx) {
        if (!(volume.normalize(n, path, cx) instanceof YamlNode.Mapping m)) {
          return null;
        }
        YamlNode.Mapping opts = Tree.map(m, "driver_opts");
        String driver = Tree.str(m, "driver");
        if (opts == null || !"bind".equals(Tree.str(opts, "o")) || Tree.str(opts, "device") == null
            || driver != null && !driver.equals("local")) {
          return m;
        }
        java.util.List<YamlNode.Entry> o = new java.util.ArrayList<>();
        for (YamlNode.Entry e : opts.entries()) {
          o.add(e.name().equals("device") ? new YamlNode.Entry(e.key(),
              new YamlNode.Scalar(cx.absolute(((YamlNode.Scalar) e.value()).text()), e.value().pos())) : e);
        }
        java.util.List<YamlNode.Entry> out = new java.util.ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
          out.add(e.name().equals("driver_opts") ? new YamlNode.Entry(e.key(), new YamlNode.Mapping(o, opts.pos())) : e);
        }
        return new YamlNode.Mapping(out, m.pos());
      }

      @Override
      public YamlNode merge(YamlNode base, YamlNode override) {
        return volume.merge(base, override);
      }
    };
  }

  static final ObjectKind SECRET = ObjectKind.object()
      .field("name", STRING)
      .field("file", PATH)
      .field("environment", STRING)
      .field("external", EXTERNAL)
      .field("labels", Dicts.of(Values.LABELS))
      .field("driver", STRING)
      .field("driver_opts", Dicts.of(Values.STRINGS))
      .field("template_driver", STRING);

  static final ObjectKind CONFIG = ObjectKind.object()
      .field("name", STRING)
      .field("file", PATH)
      .field("environment", STRING)
      .field("content", STRING)
      .field("external", EXTERNAL)
      .field("labels", Dicts.of(Values.LABELS))
      .field("template_driver", STRING);

  /** The sections of a file that are interpolated, normalized and merged. */
  static final java.util.Map<String, Kind> SECTIONS = java.util.Map.of(
      "services", Shapes.named(SERVICE, false),
      "networks", Shapes.named(external(NETWORK), true),
      "volumes", Shapes.named(bindDevice(external(VOLUME)), true),
      "secrets", Shapes.named(external(SECRET), true),
      "configs", Shapes.named(external(CONFIG), true));
}
