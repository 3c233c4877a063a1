package io.slipway.engine.explain;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.VolumeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arguments of {@code docker build}, {@code docker network create} and
 * {@code docker volume create}. Maps without an order of their own are shown sorted, so the
 * same pipeline always explains itself the same way.
 */
final class OtherCommands {
  private OtherCommands() {}

  /**
   * {@code build -t TAG... [-f FILE] ... CONTEXT}, with paths relative to {@code base} (the
   * pipeline's directory, where a learner would type the command) when they lie inside it.
   */
  static List<String> build(BuildSpec b, Path base) {
    var a = new ArrayList<String>();
    a.add("build");
    for (String tag : b.tags()) {
      if (!ExplainingEngine.internalRef(tag)) {
        ContainerFlags.flag(a, "-t", tag);
      }
    }
    Path context = b.context().toAbsolutePath().normalize();
    if (b.dockerfile() != null) {
      Path file = context.resolve(b.dockerfile()).normalize();
      if (!file.equals(context.resolve("Dockerfile"))) {
        // the CLI reads -f relative to the working directory, not to the context
        ContainerFlags.flag(a, "-f", relative(file, base));
      }
    }
    if (b.target() != null) {
      ContainerFlags.flag(a, "--target", b.target());
    }
    new TreeMap<>(b.args()).forEach((k, v) -> ContainerFlags.flag(a, "--build-arg", k + "=" + v));
    ContainerFlags.labels(a, new TreeMap<>(b.labels()));
    if (b.noCache()) {
      a.add("--no-cache");
    }
    if (b.pull()) {
      a.add("--pull");
    }
    a.add(relative(context, base));
    return a;
  }

  static List<String> network(NetworkSpec n, String name) {
    var a = new ArrayList<String>(List.of("network", "create"));
    if (n.driver() != null && !n.driver().equals("bridge")) {
      ContainerFlags.flag(a, "--driver", n.driver());
    }
    if (n.internal()) {
      a.add("--internal");
    }
    if (n.attachable()) {
      a.add("--attachable");
    }
    if (n.ipv6()) {
      a.add("--ipv6");
    }
    if (n.ipam() != null) {
      NetworkSpec.Ipam ipam = n.ipam();
      if (ipam.driver() != null && !ipam.driver().equals("default")) {
        ContainerFlags.flag(a, "--ipam-driver", ipam.driver());
      }
      for (NetworkSpec.Pool p : ipam.pools()) {
        opt(a, "--subnet", p.subnet());
        opt(a, "--ip-range", p.ipRange());
        opt(a, "--gateway", p.gateway());
        new TreeMap<>(p.auxAddresses()).forEach((k, v) -> ContainerFlags.flag(a, "--aux-address", k + "=" + v));
      }
      new TreeMap<>(ipam.options()).forEach((k, v) -> ContainerFlags.flag(a, "--ipam-opt", k + "=" + v));
    }
    options(a, n.options());
    ContainerFlags.labels(a, new TreeMap<>(n.labels()));
    a.add(name);
    return a;
  }

  static List<String> volume(VolumeSpec v, String name) {
    var a = new ArrayList<String>(List.of("volume", "create"));
    if (v.driver() != null && !v.driver().equals("local")) {
      ContainerFlags.flag(a, "--driver", v.driver());
    }
    options(a, v.driverOpts());
    ContainerFlags.labels(a, new TreeMap<>(v.labels()));
    a.add(name);
    return a;
  }

  private static void options(List<String> a, Map<String, String> opts) {
    new TreeMap<>(opts).forEach((k, v) -> ContainerFlags.flag(a, "-o", k + "=" + v));
  }

  private static void opt(List<String> a, String flag, String v) {
    if (v != null && !v.isEmpty()) {
      ContainerFlags.flag(a, flag, v);
    }
  }

  /** {@code p} relative to {@code base} when inside it ({@code .} for base itself), else absolute. */
  static String relative(Path p, Path base) {
    Path b = base.toAbsolutePath().normalize();
    if (p.startsWith(b)) {
      String r = b.relativize(p).toString();
      return r.isEmpty() ? "." : r;
    }
    return p.toString();
  }
}
