package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.List;

/** The service keys with a shape of their own: depends_on, networks, healthcheck, build, ... */
final class ServiceKinds {
  private ServiceKinds() {}

  /** {@code command}/{@code entrypoint}: a string (split like a shell) or a list; replaced on merge. */
  static final Kind COMMAND = (n, path, cx) -> {
    if (n instanceof YamlNode.Scalar s && s.isString()) {
      return n;
    }
    if (n instanceof YamlNode.Sequence) {
      return Shapes.list(Scalars.STRING).normalize(n, path, cx);
    }
    if (n instanceof YamlNode.Scalar s && s.isNull()) {
      return n;
    }
    return cx.wrongType(n, path, "a string or a list of strings");
  };

  private static final Kind CONDITION =
      Scalars.oneOf("service_started", "service_healthy", "service_completed_successfully");

  /** {@code depends_on}: a list of services or a mapping to {@code {condition}}; canonically the mapping. */
  static final Kind DEPENDS_ON = ((Kind) (n, path, cx) -> {
    List<YamlNode.Entry> out = new ArrayList<>();
    if (n instanceof YamlNode.Sequence s) {
      for (YamlNode item : s.items()) {
        if (!(item instanceof YamlNode.Scalar sc) || !sc.isString()) {
          cx.wrongType(item, path + "[" + out.size() + "]", "a service name");
          continue;
        }
        out.add(new YamlNode.Entry(sc, condition("service_started", sc)));
      }
      return new YamlNode.Mapping(out, s.pos());
    }
    if (!(n instanceof YamlNode.Mapping m)) {
      return cx.wrongType(n, path, "a list of services or a mapping");
    }
    ObjectKind entry = ObjectKind.object().field("condition", CONDITION);
    for (YamlNode.Entry e : m.entries()) {
      if (!(entry.normalize(e.value(), path + "." + e.name(), cx) instanceof YamlNode.Mapping c)) {
        continue;
      }
      out.add(new YamlNode.Entry(e.key(), c.has("condition") ? c : condition("service_started", c)));
    }
    return new YamlNode.Mapping(out, m.pos());
  }).merging(Shapes::mergeMaps);

  private static YamlNode.Mapping condition(String value, YamlNode at) {
    return new YamlNode.Mapping(List.of(new YamlNode.Entry(new YamlNode.Scalar("condition", at.pos()),
        new YamlNode.Scalar(value, at.pos()))), at.pos());
  }

  private static final ObjectKind ATTACHMENT = ObjectKind.object()
      .field("aliases", Shapes.list(Scalars.STRING).merging(Shapes::union))
      .field("ipv4_address", Scalars.STRING)
      .field("ipv6_address", Scalars.STRING)
      .field("link_local_ips", Shapes.list(Scalars.STRING).merging(Shapes::union))
      .field("priority", Scalars.INT);

  /** A service's {@code networks}: a list of names or a mapping; canonically a mapping (null = no options). */
  static final Kind NETWORKS = new Kind() {
    @Override
    public YamlNode normalize(YamlNode n, String path, Ctx cx) {
      List<YamlNode.Entry> out = new ArrayList<>();
      if (n instanceof YamlNode.Sequence s) {
        for (YamlNode item : s.items()) {
          if (!(item instanceof YamlNode.Scalar sc) || !sc.isString()) {
            cx.wrongType(item, path + "[" + out.size() + "]", "a network name");
            continue;
          }
          out.add(new YamlNode.Entry(sc, new YamlNode.Scalar(null, sc.pos())));
        }
        return new YamlNode.Mapping(out, s.pos());
      }
      if (!(n instanceof YamlNode.Mapping m)) {
        return cx.wrongType(n, path, "a list of networks or a mapping");
      }
      for (YamlNode.Entry e : m.entries()) {
        if (e.value() instanceof YamlNode.Scalar sc && sc.isNull()) {
          out.add(e);
        } else if (ATTACHMENT.normalize(e.value(), path + "." + e.name(), cx) instanceof YamlNode v) {
          out.add(new YamlNode.Entry(e.key(), v));
        }
      }
      return new YamlNode.Mapping(out, m.pos());
    }

    @Override
    public YamlNode merge(YamlNode base, YamlNode override) {
      return ObjectKind.mergeEntries((YamlNode.Mapping) base, (YamlNode.Mapping) override, k -> ATTACHMENT);
    }
  };

  private static final ObjectKind HEALTH = ObjectKind.object()
      .field("test", COMMAND)
      .field("interval", Scalars.DURATION_KIND)
      .field("timeout", Scalars.DURATION_KIND)
      .field("start_period", Scalars.DURATION_KIND)
      .field("retries", Scalars.INT)
      .field("disable", Scalars.BOOL);

  /** {@code healthcheck}; {@code disable: true} becomes {@code test: [NONE]}, as Compose does. */
  static final Kind HEALTHCHECK = new Kind() {
    @Override
    public YamlNode normalize(YamlNode n, String path, Ctx cx) {
      if (!(HEALTH.normalize(n, path, cx) instanceof YamlNode.Mapping m)) {
        return null;
      }
      YamlNode disable = m.get("disable");
      if (disable == null) {
        return m;
      }
      List<YamlNode.Entry> out = new ArrayList<>();
      for (YamlNode.Entry e : m.entries()) {
        if (!e.name().equals("disable") && !e.name().equals("test")) {
          out.add(e);
        }
      }
      if (Boolean.TRUE.equals(((YamlNode.Scalar) disable).value())) {
        out.add(new YamlNode.Entry(new YamlNode.Scalar("test", disable.pos()), new YamlNode.Sequence(
            List.of(new YamlNode.Scalar("NONE", disable.pos())), disable.pos())));
      } else if (m.has("test")) {
        out.add(m.entry("test"));
      }
      return new YamlNode.Mapping(out, m.pos());
    }

    @Override
    public YamlNode merge(YamlNode base, YamlNode override) {
      return HEALTH.merge(base, override);
    }
  };

  private static final ObjectKind BUILD = ObjectKind.object()
      .field("context", Scalars.STRING)
      .field("dockerfile", Scalars.STRING)
      .field("args", Dicts.of(Dicts.Values.ENV))
      .field("target", Scalars.STRING)
      .field("labels", Dicts.of(Dicts.Values.LABELS))
      .field("cache_from", Shapes.list(Scalars.STRING).merging(Shapes::union))
      .field("network", Scalars.STRING)
      .field("shm_size", Scalars.BYTES_KIND)
      .field("extra_hosts", Dicts.HOSTS)
      .field("isolation", Scalars.STRING);

  /** {@code build}: a context path or a mapping; canonically the mapping with an absolute context. */
  static final Kind BUILD_KIND = new Kind() {
    @Override
    public YamlNode normalize(YamlNode n, String path, Ctx cx) {
      YamlNode m = n instanceof YamlNode.Scalar s && s.isString()
          ? new YamlNode.Mapping(List.of(new YamlNode.Entry(new YamlNode.Scalar("context", s.pos()), s)), s.pos())
          : n;
      if (!(BUILD.normalize(m, path, cx) instanceof YamlNode.Mapping b)) {
        return null;
      }
      List<YamlNode.Entry> out = new ArrayList<>();
      for (YamlNode.Entry e : b.entries()) {
        if (e.name().equals("context") && !isUrl(((YamlNode.Scalar) e.value()).text())) {
          out.add(new YamlNode.Entry(e.key(),
              new YamlNode.Scalar(cx.absolute(((YamlNode.Scalar) e.value()).text()), e.value().pos())));
        } else {
          out.add(e);
        }
      }
      return new YamlNode.Mapping(out, b.pos());
    }

    @Override
    public YamlNode merge(YamlNode base, YamlNode override) {
      return BUILD.merge(base, override);
    }
  };

  static boolean isUrl(String context) {
    return io.slipway.compose.model.Build.isUrl(context);
  }

  /** {@code extends}: a service name or {@code {service, file}}; canonically the mapping, file absolute. */
  static final Kind EXTENDS = (n, path, cx) -> {
    YamlNode m = n instanceof YamlNode.Scalar s && s.isString()
        ? new YamlNode.Mapping(List.of(new YamlNode.Entry(new YamlNode.Scalar("service", s.pos()), s)), s.pos())
        : n;
    if (!(ObjectKind.object().field("service", Scalars.STRING).field("file", Scalars.STRING)
        .normalize(m, path, cx) instanceof YamlNode.Mapping e)) {
      return null;
    }
    if (!e.has("service")) {
      return cx.error(Code.E0704, n, "`" + path + "` needs the `service` to extend");
    }
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry x : e.entries()) {
      out.add(x.name().equals("file") ? new YamlNode.Entry(x.key(),
          new YamlNode.Scalar(cx.absolute(((YamlNode.Scalar) x.value()).text()), x.value().pos())) : x);
    }
    return new YamlNode.Mapping(out, e.pos());
  };

  /** {@code links}: {@code service[:alias]}; merged by alias. */
  static final Kind LINKS = Shapes.list(Scalars.STRING).merging((b, o) -> Shapes.byKey(b, o, l -> {
    String t = ((YamlNode.Scalar) l).text();
    int c = t.indexOf(':');
    return c < 0 ? t : t.substring(c + 1);
  }));

  private static final ObjectKind FILE_REF = ObjectKind.object()
      .field("source", Scalars.STRING)
      .field("target", Scalars.STRING)
      .field("uid", Scalars.STRING)
      .field("gid", Scalars.STRING)
      .field("mode", Scalars.INT);

  /** A service's {@code secrets}/{@code configs}: names or mappings; canonically mappings, merged by source. */
  static final Kind FILE_REFS = ((Kind) (n, path, cx) -> {
    if (!(n instanceof YamlNode.Sequence s)) {
      return cx.wrongType(n, path, "a list");
    }
    List<YamlNode> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      String where = path + "[" + out.size() + "]";
      YamlNode m = item instanceof YamlNode.Scalar sc && sc.isString()
          ? new YamlNode.Mapping(List.of(new YamlNode.Entry(new YamlNode.Scalar("source", sc.pos()), sc)), sc.pos())
          : item;
      if (FILE_REF.normalize(m, where, cx) instanceof YamlNode.Mapping r) {
        if (!r.has("source")) {
          cx.error(Code.E0704, item, "`" + where + "` needs a `source`");
          continue;
        }
        out.add(r);
      }
    }
    return new YamlNode.Sequence(out, s.pos());
  }).merging((b, o) -> Shapes.byKey(b, o, r -> ((YamlNode.Scalar) ((YamlNode.Mapping) r).get("source")).text()));

  /** {@code ulimits}: name to a number or {@code {soft, hard}}. */
  static final Kind ULIMITS = ((Kind) (n, path, cx) -> {
    if (!(n instanceof YamlNode.Mapping m)) {
      return cx.wrongType(n, path, "a mapping");
    }
    ObjectKind pair = ObjectKind.object().field("soft", Scalars.INT).field("hard", Scalars.INT);
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : m.entries()) {
      YamlNode v = e.value() instanceof YamlNode.Mapping ? pair.normalize(e.value(), path + "." + e.name(), cx)
          : Scalars.INT.normalize(e.value(), path + "." + e.name(), cx);
      if (v instanceof YamlNode.Mapping p && (!p.has("soft") || !p.has("hard"))) {
        cx.error(Code.E0704, e.value(), "`" + path + "." + e.name() + "` needs both `soft` and `hard`");
        continue;
      }
      if (v != null) {
        out.add(new YamlNode.Entry(e.key(), v));
      }
    }
    return new YamlNode.Mapping(out, m.pos());
  }).merging(Shapes::mergeMaps);

  private static final ObjectKind LOGGING_FIELDS = ObjectKind.object()
      .field("driver", Scalars.STRING)
      .field("options", Dicts.of(Dicts.Values.STRINGS));

  /** {@code logging}: options merge only while the driver stays the same. */
  static final Kind LOGGING = LOGGING_FIELDS.merging((b, o) -> {
    var bm = (YamlNode.Mapping) b;
    var om = (YamlNode.Mapping) o;
    YamlNode bd = bm.get("driver");
    YamlNode od = om.get("driver");
    boolean same = od == null || bd == null
        || ((YamlNode.Scalar) bd).text().equals(((YamlNode.Scalar) od).text());
    return same ? LOGGING_FIELDS.merge(b, o) : o;
  });
}
