package io.slipway.netsim;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineException;
import io.slipway.engine.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The helper image whose short-lived containers change a target's network namespace: busybox,
 * {@code tc}, {@code ip}, {@code iptables} (with its extensions), the NFQUEUE delayer and the
 * stream-fault proxy of {@code link { }}.
 *
 * <p>The reference is {@code $SLIPWAY_NETSIM_IMAGE} if set (then it must exist on the engine:
 * Slipway never builds over a user's image), else {@code slipway/netsim-helper:<hash>} where the
 * hash covers the delayer source and this assembly's recipe. When the engine lacks it, Slipway
 * builds it: from the shipped {@code Dockerfile.helper} when its Debian base is on the engine,
 * otherwise offline, by copying the host's binaries and every library {@code ldd} lists into a
 * {@code FROM scratch} context, with the delayer compiled by the host's {@code gcc}. Either way it
 * says which it did.
 */
public final class HelperImage {
  /** Environment variable naming a helper image to use instead of the built one. */
  public static final String VARIABLE = "SLIPWAY_NETSIM_IMAGE";
  /** Label on built helper images (not a run label: the image is a shared cache). */
  public static final String LABEL = "io.slipway.netsim.helper";
  static final String DELAYER = "/usr/local/bin/slipway-delayer";
  /** The stream-fault proxy of {@code link { }} (proxy.c). */
  static final String PROXY = "/usr/local/bin/slipway-proxy";
  private static final String RECIPE = "5";
  private static final String BASE = "debian:bookworm-slim";
  private static final List<String> TOOLS = List.of("/usr/sbin/tc", "/usr/sbin/ip", "/usr/sbin/iptables");

  private HelperImage() {}

  /** The reference the helper is used under. */
  public static String reference(Map<String, String> env) {
    String configured = env.get(VARIABLE);
    return configured != null && !configured.isBlank() ? configured : "slipway/netsim-helper:" + hash();
  }

  /** Makes sure the helper image exists on {@code engine}; returns its reference. */
  public static String ensure(ContainerEngine engine, Map<String, String> env, Consumer<String> say) {
    String ref = reference(env);
    if (engine.inspectImage(ref).isPresent()) {
      return ref;
    }
    if (env.get(VARIABLE) != null && !env.get(VARIABLE).isBlank()) {
      throw new NetsimException("the network helper image `" + ref + "` (" + VARIABLE
          + ") is not on the engine; build it from Dockerfile.helper or unset " + VARIABLE);
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("slipway-netsim-helper");
      if (engine.inspectImage(BASE).isPresent()) {
        say.accept("building the network helper image " + ref + " from Dockerfile.helper (" + BASE + ")");
        copyResource("Dockerfile.helper", dir.resolve("Dockerfile"));
        copyResource("delayer.c", dir.resolve("delayer.c"));
        copyResource("proxy.c", dir.resolve("proxy.c"));
      } else {
        say.accept("building the network helper image " + ref
            + " offline from this host's tc, ip, iptables, busybox and their libraries");
        assemble(dir);
      }
      engine.build(new BuildSpec(dir, "Dockerfile", List.of(ref), null, Map.of(),
          Map.of(LABEL, hash()), false, false), OutputSink.NONE);
      return ref;
    } catch (IOException e) {
      throw new NetsimException("cannot assemble the network helper image: " + e.getMessage());
    } catch (EngineException e) {
      throw new NetsimException("cannot build the network helper image " + ref + ": " + e.getMessage());
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /** Writes a {@code FROM scratch} build context made of this host's binaries into {@code dir}. */
  static void assemble(Path dir) throws IOException {
    Path root = dir.resolve("rootfs");
    Path busybox = firstExisting("/bin/busybox", "/usr/bin/busybox");
    if (busybox == null) {
      throw new NetsimException("busybox is not installed on this host (Debian: busybox-static), "
          + "and the engine has no " + BASE + " to build Dockerfile.helper from");
    }
    Set<Path> binaries = new LinkedHashSet<>();
    for (String t : TOOLS) {
      Path p = Path.of(t);
      if (!Files.exists(p)) {
        throw new NetsimException(t + " is not installed on this host (Debian: iproute2, iptables); "
            + "set " + VARIABLE + " to a helper image built from Dockerfile.helper");
      }
      binaries.add(p.toRealPath());
    }
    Path xtables = Path.of("/usr/lib/x86_64-linux-gnu/xtables");
    List<Path> extensions = new ArrayList<>();
    if (Files.isDirectory(xtables)) {
      try (Stream<Path> s = Files.list(xtables)) {
        s.filter(p -> p.toString().endsWith(".so")).forEach(extensions::add);
      }
    }
    Set<Path> libraries = new LinkedHashSet<>();
    for (Path p : binaries) {
      libraries.addAll(ldd(p));
    }
    for (Path p : extensions) {
      libraries.addAll(ldd(p));
    }
    copy(busybox, root.resolve("bin/busybox"));
    for (Path p : binaries) {
      copy(p, root.resolve(p.toString().substring(1)));
    }
    for (Path p : extensions) {
      copy(p, root.resolve(p.toString().substring(1)));
    }
    for (Path p : libraries) {
      copy(p.toRealPath(), root.resolve(p.toString().substring(1)));
    }
    boolean delayer = compile("delayer.c", root.resolve(DELAYER.substring(1)));
    compile("proxy.c", root.resolve(PROXY.substring(1)));
    Files.createDirectories(root.resolve("run"));
    Files.createDirectories(root.resolve("tmp"));
    StringBuilder links = new StringBuilder("/bin/busybox --install -s /bin");
    for (String t : TOOLS) {
      String real = Path.of(t).toRealPath().toString();
      if (!real.equals(t)) {
        links.append(" && ln -sf ").append(real).append(' ').append(t);
      }
    }
    String multi = Path.of("/usr/sbin/iptables").toRealPath().toString();
    links.append(" && ln -sf ").append(multi).append(" /usr/sbin/iptables-save && ln -sf ").append(multi)
        .append(" /usr/sbin/iptables-restore; chmod 1777 /tmp; true");
    String dockerfile = "FROM scratch\nCOPY rootfs/ /\nRUN [\"/bin/busybox\", \"sh\", \"-c\", \""
        + links + "\"]\nLABEL " + LABEL + "-delayer=\"" + delayer + "\"\n"
        + "ENV PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n";
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
  }

  /** Compiles a C resource statically with the host's gcc; false when no compiler is there. */
  private static boolean compile(String source, Path out) throws IOException {
    Path gcc = firstExisting("/usr/bin/gcc", "/usr/bin/cc");
    if (gcc == null) {
      return false;
    }
    Path src = Files.createTempFile("slipway-delayer", ".c");
    try {
      copyResource(source, src);
      Files.createDirectories(out.getParent());
      Process p = new ProcessBuilder(gcc.toString(), "-O2", "-static", "-o", out.toString(), src.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new NetsimException("cannot compile the helper's " + source + " with " + gcc + ": " + output.strip());
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetsimException("interrupted while compiling the delayer");
    } finally {
      Files.deleteIfExists(src);
    }
  }

  /** The shared libraries {@code ldd} lists for a binary, the dynamic loader included. */
  static List<Path> ldd(Path binary) throws IOException {
    Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<Path> libs = new ArrayList<>();
    for (String line : out.split("\n")) {
      String l = line.strip();
      int arrow = l.indexOf("=> ");
      String path = arrow >= 0 ? l.substring(arrow + 3) : l;
      int paren = path.indexOf(" (");
      path = paren >= 0 ? path.substring(0, paren) : path;
      if (path.startsWith("/")) {
        libs.add(Path.of(path.strip()));
      }
    }
    return libs;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static Path firstExisting(String... paths) {
    for (String p : paths) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = HelperImage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from the Slipway jar");
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** 8 hex digits over the delayer source, the Dockerfile and the recipe version. */
  static String hash() {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(RECIPE.getBytes(StandardCharsets.UTF_8));
      for (String r : List.of("delayer.c", "proxy.c", "Dockerfile.helper")) {
        try (InputStream in = HelperImage.class.getResourceAsStream(r)) {
          if (in != null) {
            md.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(md.digest(), 0, 4);
    } catch (java.security.NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
