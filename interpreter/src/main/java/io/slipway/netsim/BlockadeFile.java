package io.slipway.netsim;

import io.slipway.compose.yaml.YamlNode;
import io.slipway.compose.yaml.YamlReader;
import io.slipway.diag.Diagnostic;
import io.slipway.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Blockade file ({@code blockade.yml}): {@code containers} (each with {@code image},
 * {@code command}, {@code links}, {@code environment}, {@code ports}, {@code expose},
 * {@code container_name}, {@code hostname}, {@code start_delay}) and {@code network}
 * ({@code flaky: 30%}, {@code slow: 75ms 100ms distribution normal}, {@code driver}). The
 * containers come in start order (a container after those it links to). Blockade's own
 * defaults apply: flaky 30%, slow 75ms with 100ms jitter. A mistake is a {@link NetsimException}
 * naming the file, line and column.
 */
public record BlockadeFile(Map<String, Container> containers, double flaky, long slowUs, long jitterUs,
    String driver) {
  /** One container of the file. */
  public record Container(String name, String image, List<String> command, List<String> links,
      Map<String, String> environment, List<int[]> ports, long startDelayMs) {}

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");
  private static final Set<String> KEYS = Set.of("image", "command", "links", "environment", "ports", "expose",
      "container_name", "hostname", "start_delay", "volumes", "neutral", "holy", "count", "cap_add", "deploy");

  public static BlockadeFile parse(SourceFile file) {
    List<Diagnostic> problems = new ArrayList<>();
    YamlNode root = YamlReader.read(file, problems);
    for (Diagnostic d : problems) {
      if (d.severity() == io.slipway.diag.Severity.ERROR) {
        throw new NetsimException(file.name() + ": " + d.message());
      }
    }
    if (!(root instanceof YamlNode.Mapping top)) {
      throw new NetsimException(file.name() + ": a Blockade file is a mapping with `containers:`");
    }
    if (!(top.get("containers") instanceof YamlNode.Mapping cs) || cs.entries().isEmpty()) {
      throw error(top, "`containers:` must map container names to their settings");
    }
    Map<String, Container> read = new LinkedHashMap<>();
    for (YamlNode.Entry e : cs.entries()) {
      read.put(e.name(), container(e));
    }
    for (Container c : read.values()) {
      for (String l : c.links()) {
        if (!read.containsKey(l)) {
          throw error(cs.get(c.name()), "container `" + c.name() + "` links to `" + l + "`, which is not in the file");
        }
      }
    }
    double flaky = 0.30;
    long slow = 75_000;
    long jitter = 100_000;
    String driver = "udn";
    if (top.get("network") instanceof YamlNode.Mapping net) {
      for (YamlNode.Entry e : net.entries()) {
        String v = text(e.value());
        switch (e.name()) {
          case "flaky" -> flaky = percent(e.value(), v);
          case "slow" -> {
            Matcher m = DURATION.matcher(v);
            if (!m.find()) {
              throw error(e.value(), "`slow:` needs a delay such as `75ms` or `75ms 100ms distribution normal`");
            }
            slow = micros(m);
            jitter = m.find() ? micros(m) : 0;
          }
          case "driver" -> driver = v;
          default -> throw error(e.key(), "unknown network setting `" + e.name() + "` (flaky, slow, driver)");
        }
      }
    } else if (top.has("network")) {
      throw error(top.get("network"), "`network:` must be a mapping (flaky, slow, driver)");
    }
    return new BlockadeFile(ordered(read), flaky, slow, jitter, driver);
  }

  private static Container container(YamlNode.Entry e) {
    if (!(e.value() instanceof YamlNode.Mapping m)) {
      throw error(e.value(), "container `" + e.name() + "` must be a mapping (image, command, links, ...)");
    }
    for (YamlNode.Entry k : m.entries()) {
      if (!KEYS.contains(k.name())) {
        throw error(k.key(), "unknown container setting `" + k.name() + "`");
      }
    }
    if (m.has("volumes")) {
      throw error(m.get("volumes"), "`volumes:` are not supported in Blockade files here; mount volumes with "
          + "`start(volumes = ...)` in the Slipfile");
    }
    if (!(m.get("image") instanceof YamlNode.Scalar img) || img.isNull()) {
      throw error(m, "container `" + e.name() + "` needs an `image:`");
    }
    List<String> command = null;
    YamlNode cmd = m.get("command");
    if (cmd instanceof YamlNode.Sequence s) {
      command = s.items().stream().map(BlockadeFile::text).toList();
    } else if (cmd instanceof YamlNode.Scalar sc && !sc.isNull()) {
      command = List.of("sh", "-c", sc.text());
    }
    List<String> links = new ArrayList<>();
    YamlNode ln = m.get("links");
    if (ln instanceof YamlNode.Sequence s) {
      s.items().forEach(i -> links.add(text(i).split(":")[0]));
    } else if (ln instanceof YamlNode.Mapping lm) {
      for (YamlNode.Entry l : lm.entries()) {
        if (!l.name().equals(text(l.value()))) {
          throw error(l.value(), "link alias `" + text(l.value()) + "` differs from the container name `" + l.name()
              + "`: containers reach each other by name on the Blockade network");
        }
        links.add(l.name());
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (m.get("environment") instanceof YamlNode.Mapping em) {
      em.entries().forEach(x -> env.put(x.name(), text(x.value())));
    } else if (m.get("environment") instanceof YamlNode.Sequence es) {
      es.items().forEach(x -> {
        String[] kv = text(x).split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      });
    }
    List<int[]> ports = new ArrayList<>();
    if (m.get("ports") instanceof YamlNode.Mapping pm) {
      for (YamlNode.Entry p : pm.entries()) {
        ports.add(new int[] {port(p.key(), p.name()), port(p.value(), text(p.value()))});
      }
    } else if (m.get("ports") instanceof YamlNode.Sequence ps) {
      for (YamlNode p : ps.items()) {
        String[] hc = text(p).split(":");
        ports.add(new int[] {port(p, hc[0]), port(p, hc[hc.length - 1])});
      }
    }
    long delay = m.get("start_delay") == null ? 0 : (long) (Double.parseDouble(text(m.get("start_delay"))) * 1000);
    // container_name is accepted but the key names the container: names are scoped to the run
    return new Container(e.name(), img.text(), command, links, env, ports, delay);
  }

  /** Containers after those they link to; a cycle is an error. */
  private static Map<String, Container> ordered(Map<String, Container> read) {
    Map<String, Container> out = new LinkedHashMap<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String n : read.keySet()) {
      visit(n, read, out, visiting);
    }
    return out;
  }

  private static void visit(String n, Map<String, Container> read, Map<String, Container> out, Set<String> visiting) {
    if (out.containsKey(n)) {
      return;
    }
    if (!visiting.add(n)) {
      throw new NetsimException("the links of the Blockade file form a cycle: " + String.join(" -> ", visiting) + " -> " + n);
    }
    for (String l : read.get(n).links()) {
      visit(l, read, out, visiting);
    }
    visiting.remove(n);
    out.put(n, read.get(n));
  }

  private static int port(YamlNode at, String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw error(at, "`" + v + "` is not a port number");
    }
  }

  private static double percent(YamlNode at, String v) {
    String s = v.strip().replace("%", "");
    try {
      double p = Double.parseDouble(s);
      if (p < 0 || p > 100) {
        throw error(at, "`flaky:` must be between 0% and 100%");
      }
      return p / 100;
    } catch (NumberFormatException e) {
      throw error(at, "`flaky:` needs a percentage such as `30%`");
    }
  }

  private static long micros(Matcher m) {
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> (long) v;
      case "ms" -> (long) (v * 1000);
      default -> (long) (v * 1_000_000);
    };
  }

  private static String text(YamlNode n) {
    return n instanceof YamlNode.Scalar s ? s.text() : "";
  }

  private static NetsimException error(YamlNode at, String message) {
    return new NetsimException(at.pos() + ": " + message);
  }
}
