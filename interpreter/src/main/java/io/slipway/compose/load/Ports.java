package io.slipway.compose.load;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ports}: every short form ({@code 3000}, {@code "8080:80"}, {@code "127.0.0.1:8001:8001"},
 * {@code "9090-9091:8080-8081/udp"}, {@code "127.0.0.1::5000"}, {@code "[::1]:6001:6001"},
 * {@code "8000-8010:80"}) and the long syntax, canonically one long-syntax mapping per published
 * port ({@code target}, {@code published}, {@code host_ip}, {@code protocol}, {@code mode}).
 * Files merge ports by address: an entry with the same target, published port, host IP and
 * protocol replaces the earlier one.
 */
final class Ports {
  private Ports() {}

  private static final Pattern SHORT = Pattern.compile(
      "((\\[?(?<host>[a-fA-F\\d.:]+)]?:)?(?<ext>\\d*)(-(?<extEnd>\\d+))?:)?"
          + "(?<int>\\d+)(-(?<intEnd>\\d+))?(/(?<proto>udp|tcp|sctp))?");

  private static final ObjectKind LONG = ObjectKind.object()
      .field("target", Scalars.INT)
      .field("published", Scalars.STRING_OR_NUMBER)
      .field("host_ip", Scalars.STRING)
      .field("protocol", Scalars.oneOf("tcp", "udp", "sctp"))
      .field("mode", Scalars.oneOf("host", "ingress"));

  static final Kind KIND = ((Kind) (n, path, cx) -> {
    if (!(n instanceof YamlNode.Sequence s)) {
      return cx.wrongType(n, path, "a list of ports");
    }
    List<YamlNode> out = new ArrayList<>();
    int i = 0;
    for (YamlNode item : s.items()) {
      out.addAll(one(item, path + "[" + i++ + "]", cx));
    }
    return new YamlNode.Sequence(out, s.pos());
  }).merging((b, o) -> Shapes.byKey(b, o, Ports::key));

  private static List<Object> key(YamlNode port) {
    var m = (YamlNode.Mapping) port;
    return java.util.Arrays.asList(text(m, "target"), text(m, "published"), text(m, "host_ip"),
        m.has("protocol") ? text(m, "protocol") : "tcp");
  }

  private static String text(YamlNode.Mapping m, String key) {
    YamlNode v = m.get(key);
    return v instanceof YamlNode.Scalar s ? s.text() : null;
  }

  private static List<YamlNode> one(YamlNode item, String path, Ctx cx) {
    if (item instanceof YamlNode.Mapping) {
      return longSyntax(item, path, cx);
    }
    if (!(item instanceof YamlNode.Scalar s) || s.isNull() || s.value() instanceof Boolean) {
      cx.wrongType(item, path, "a port (a number, `\"host:container\"` or a mapping)");
      return List.of();
    }
    if (s.value() instanceof Long l) {
      String written = item.pos().file().slice(item.pos().span());
      if (written.contains(":")) {
        cx.error(Code.E0704, item.pos(), "`" + path + "`: `" + written + "` was read as the number " + l,
            "quote it (`\"" + written + "\"`): YAML 1.1 reads unquoted `a:b` as a base-60 number");
        return List.of();
      }
    }
    Matcher m = SHORT.matcher(s.text().strip());
    if (!m.matches()) {
      cx.error(Code.E0704, item.pos(), "`" + path + "`: `" + s.text() + "` is not a port mapping",
          "write it as `[ip:][host:]container[/protocol]`, e.g. `\"8080:80\"`");
      return List.of();
    }
    int[] internal = range(m.group("int"), m.group("intEnd"));
    String ext = m.group("ext");
    int[] external = ext == null || ext.isEmpty() ? null : range(ext, m.group("extEnd"));
    if (!valid(internal) || external != null && !valid(external)) {
      cx.error(Code.E0704, item.pos(), "`" + path + "`: port numbers go from 1 to 65535 (in order)", null);
      return List.of();
    }
    int count = internal[1] - internal[0] + 1;
    boolean publishedRange = external != null && count == 1 && external[1] > external[0];
    if (external != null && !publishedRange && external[1] - external[0] + 1 != count) {
      cx.error(Code.E0704, item.pos(), "`" + path + "`: port ranges `" + s.text() + "` differ in length", null);
      return List.of();
    }
    List<YamlNode> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      List<YamlNode.Entry> e = new ArrayList<>();
      put(e, "target", (long) (internal[0] + k), item);
      if (publishedRange) {
        put(e, "published", external[0] + "-" + external[1], item);
      } else if (external != null) {
        put(e, "published", (long) (external[0] + k), item);
      }
      if (m.group("host") != null) {
        put(e, "host_ip", m.group("host"), item);
      }
      if (m.group("proto") != null) {
        put(e, "protocol", m.group("proto"), item);
      }
      out.add(new YamlNode.Mapping(e, item.pos()));
    }
    return out;
  }

  private static List<YamlNode> longSyntax(YamlNode item, String path, Ctx cx) {
    YamlNode n = LONG.normalize(item, path, cx);
    if (!(n instanceof YamlNode.Mapping m)) {
      return List.of();
    }
    if (!(m.get("target") instanceof YamlNode.Scalar t) || (Long) t.value() < 1 || (Long) t.value() > 65535) {
      cx.error(Code.E0704, item.pos(), "`" + path + "` needs a `target` port from 1 to 65535", null);
      return List.of();
    }
    YamlNode pub = m.get("published");
    if (pub instanceof YamlNode.Scalar p && p.isString()) {
      Matcher r = Pattern.compile("(\\d+)(-(\\d+))?").matcher(p.text().strip());
      if (!r.matches()) {
        cx.error(Code.E0704, p.pos(), "`" + path + ".published`: `" + p.text() + "` is not a port or a port range", null);
        return List.of();
      }
      if (r.group(3) == null) {
        List<YamlNode.Entry> e = new ArrayList<>(m.entries());
        e.replaceAll(x -> x.name().equals("published")
            ? new YamlNode.Entry(x.key(), new YamlNode.Scalar(Long.parseLong(r.group(1)), p.pos())) : x);
        return List.of(new YamlNode.Mapping(e, m.pos()));
      }
    }
    return List.of(m);
  }

  private static void put(List<YamlNode.Entry> e, String key, Object value, YamlNode at) {
    e.add(new YamlNode.Entry(new YamlNode.Scalar(key, at.pos()), new YamlNode.Scalar(value, at.pos())));
  }

  private static int[] range(String start, String end) {
    try {
      int a = Integer.parseInt(start);
      return new int[] {a, end == null ? a : Integer.parseInt(end)};
    } catch (NumberFormatException e) {
      return new int[] {0, -1};
    }
  }

  private static boolean valid(int[] r) {
    return r[0] >= 1 && r[1] >= r[0] && r[1] <= 65535;
  }
}
