package io.slipway.stdlib.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.LogLine;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.tar.TarReader;
import io.slipway.engine.tar.TarWriter;
import io.slipway.stdlib.Library;
import io.slipway.value.JsonValue;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Methods and properties of {@code Container}. */
public final class ContainerMethods implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: containers");
    d.property("Container", "name").type("String").doc("The container's name as given to `start` (its DNS name).")
        .get((cx, r) -> c(r).name());
    d.property("Container", "id").type("String").doc("The engine's id of the container.")
        .get((cx, r) -> c(r).id());
    d.property("Container", "running").type("Bool").doc("Whether the container is running now.")
        .get((cx, r) -> info(cx, c(r)).state().running());
    execLike(d.method("Container", "exec").param("command", "String | List<String>"))
        .doc("""
            Runs a command in the running container (a `String` through `sh -c`, or an argument \
            vector) with extra `env`, streaming its output. Throws `StepFailed` on a non-zero exit \
            code unless `check = false`; `quiet` keeps the output out of the log.""")
        .impl((cx, r, a) -> ContainerOps.exec(cx, c(r), a[0], Calls.env(a[1]), (String) a[2],
            (String) a[3], (Boolean) a[4], (Boolean) a[5]));
    execLike(d.method("Container", "sh").param("command", "String"))
        .doc("Runs a shell command in the container (`sh -c command`); as `exec`.")
        .impl((cx, r, a) -> ContainerOps.exec(cx, c(r), a[0], Calls.env(a[1]), (String) a[2],
            (String) a[3], (Boolean) a[4], (Boolean) a[5]));
    d.method("Container", "logs").param("tail", "Int", -1L, "-1").returns("String").effects(Effect.DOCKER)
        .doc("The container's output so far (stdout and stderr, one line each); the last `tail` lines when `tail >= 0`.")
        .impl((cx, r, a) -> DockerSession.call("logs of " + c(r).name(), () -> Calls.session(cx, c(r).engine()).engine()
            .logs(c(r).id(), Calls.toInt(a[0]))).stream().map(LogLine::text)
            .map(t -> t + "\n").collect(Collectors.joining()));
    d.method("Container", "copyFrom").param("path", "String").param("dest", "String").effects(Effect.DOCKER, Effect.WRITES)
        .doc("""
            Copies a file or directory out of the container to `dest` (relative to `build.dir`), \
            as `docker cp`: into `dest` when it is a directory or ends with `/`, else as `dest`.""")
        .impl((cx, r, a) -> copyFrom(cx, c(r), (String) a[0], (String) a[1]));
    d.method("Container", "copyTo").param("source", "String").param("path", "String").effects(Effect.DOCKER, Effect.FILES)
        .doc("Copies a host file or directory (relative to `build.dir`) into the container's directory `path`.")
        .impl((cx, r, a) -> copyTo(cx, c(r), (String) a[0], (String) a[1]));
    d.method("Container", "kill").param("signal", "String", "KILL", "\"KILL\"").effects(Effect.DOCKER)
        .doc("Sends a signal to the container's main process.")
        .impl((cx, r, a) -> engineDo(cx, "kill " + c(r).name(),
            () -> Calls.session(cx, c(r).engine()).engine().killContainer(c(r).id(), (String) a[0])));
    d.method("Container", "remove").effects(Effect.DOCKER)
        .doc("Removes the container now (it would be removed at the end of the run anyway).")
        .impl((cx, r, a) -> engineDo(cx, "remove " + c(r).name(), () -> Calls.session(cx, c(r).engine()).tracker()
            .remove(ResourceTracker.Kind.CONTAINER, c(r).id(), c(r).engineName())));
    d.method("Container", "wait").param("timeout", "Duration", Duration.ofMinutes(10), "10.minutes")
        .returns("Int").effects(Effect.DOCKER)
        .doc("Waits until the container exits and returns its exit code.")
        .impl((cx, r, a) -> (long) DockerSession.call("wait for " + c(r).name(),
            () -> Calls.session(cx, c(r).engine()).engine().waitContainer(c(r).id(), (Duration) a[0])));
    d.method("Container", "ip").param("network", "Network?", null, "null").returns("String").effects(Effect.DOCKER)
        .doc("The container's IP address on `network` (default: the network it was started on, else its first).")
        .impl((cx, r, a) -> ip(cx, c(r), (NetworkValue) a[0]));
    d.method("Container", "inspect").returns("Json").effects(Effect.DOCKER)
        .doc("The container's state as JSON: `name`, `id`, `image`, `status`, `running`, `exitCode`, `oomKilled`, `health`, `networks` (name to IP), `ports`.")
        .impl((cx, r, a) -> inspectJson(info(cx, c(r)), c(r)));
    d.method("Container", "canReach").param("other", "Container").param("port", "Int?", null, "null")
        .returns("Bool").effects(Effect.DOCKER)
        .doc("""
            Whether this container reaches `other` over a network they share: one ping, or a \
            TCP connect to `port` when given (2 seconds at most). False when they share no \
            network. Runs `ping`/`nc` inside this container.""")
        .impl((cx, r, a) -> canReach(cx, c(r), (ContainerValue) a[0], (Long) a[1]));
    d.method("Container", "export").param("path", "String").effects(Effect.DOCKER, Effect.WRITES)
        .doc("Writes the container's file system as a tar file (`docker export`), relative to `build.dir`.")
        .impl((cx, r, a) -> {
          Path out = io.slipway.run.Workspace.of(Calls.run(cx)).resolve("export", (String) a[0]);
          createParent(out);
          try (OutputStream os = Files.newOutputStream(out)) {
            DockerSession.call("export " + c(r).name(), () -> {
              Calls.session(cx, c(r).engine()).engine().exportContainer(c(r).id(), os);
              return null;
            });
          }
          return Unit.INSTANCE;
        });
  }

  private static Declarations.FnBuilder execLike(Declarations.FnBuilder b) {
    return b.param("env", "Map<String, String | Secret>", Map.of(), "mapOf()")
        .param("workdir", "String?", null, "null")
        .param("user", "String?", null, "null")
        .param("check", "Bool", true, "true")
        .param("quiet", "Bool", false, "false")
        .returns("ExecResult").effects(Effect.DOCKER);
  }

  static ContainerValue c(Object r) {
    return (ContainerValue) r;
  }

  static ContainerInfo info(CallContext cx, ContainerValue c) {
    return DockerSession.call("inspect " + c.name(), () -> Calls.session(cx, c.engine()).engine().inspectContainer(c.id()))
        .orElseThrow(() -> SlipException.engine("container `" + c.name() + "` no longer exists"));
  }

  static Object engineDo(CallContext cx, String what, Runnable body) {
    DockerSession.call(what, () -> {
      body.run();
      return null;
    });
    return Unit.INSTANCE;
  }

  private static String ip(CallContext cx, ContainerValue c, NetworkValue net) {
    Map<String, String> nets = info(cx, c).networks();
    String want = net != null ? net.engineName() : c.network();
    if (want != null) {
      String ip = nets.get(want);
      if (ip == null || ip.isEmpty()) {
        throw SlipException.engine("container `" + c.name() + "` has no address on network `"
            + (net != null ? net.name() : want) + "`");
      }
      return ip;
    }
    return nets.values().stream().filter(s -> !s.isEmpty()).findFirst()
        .orElseThrow(() -> SlipException.engine("container `" + c.name() + "` has no network address"));
  }

  private static boolean canReach(CallContext cx, ContainerValue from, ContainerValue to, Long port) {
    Map<String, String> mine = info(cx, from).networks();
    Map<String, String> theirs = info(cx, to).networks();
    String ip = theirs.entrySet().stream()
        .filter(e -> mine.containsKey(e.getKey()) && !e.getValue().isEmpty() && !e.getKey().equals("none"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    if (ip == null) {
      return false;
    }
    String probe = port == null ? "ping -c 1 -W 2 " + ip + " >/dev/null 2>&1"
        : "nc -z -w 2 " + ip + " " + port + " 2>/dev/null || nc -w 2 " + ip + " " + port + " </dev/null >/dev/null 2>&1";
    var result = ContainerOps.exec(cx, from, probe, Map.of(), null, null, false, true);
    return result.exitCode() == 0;
  }

  private static JsonValue inspectJson(ContainerInfo i, ContainerValue c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("engineName", i.name());
    m.put("id", i.id());
    m.put("image", i.image());
    m.put("status", i.state().status());
    m.put("running", i.state().running());
    m.put("exitCode", i.state().exitCode());
    m.put("oomKilled", i.state().oomKilled());
    m.put("health", i.state().health());
    m.put("networks", i.networks());
    m.put("ports", i.ports());
    m.put("labels", i.labels());
    return JsonValue.of(new ObjectMapper().valueToTree(m));
  }

  private static Object copyFrom(CallContext cx, ContainerValue c, String path, String dest) throws IOException {
    Path target = io.slipway.run.Workspace.of(Calls.run(cx)).resolve("copyFrom", dest);
    Path dir;
    String rootName;
    if (dest.endsWith("/") || Files.isDirectory(target)) {
      dir = target;
      rootName = null;
    } else {
      dir = target.getParent();
      rootName = target.getFileName().toString();
    }
    Files.createDirectories(dir);
    try (InputStream tar = DockerSession.call("copy " + c.name() + ":" + path,
        () -> Calls.session(cx, c.engine()).engine().copyFrom(c.id(), path))) {
      TarReader.extract(tar, dir, rootName);
    }
    return Unit.INSTANCE;
  }

  private static Object copyTo(CallContext cx, ContainerValue c, String source, String path) throws Exception {
    Path src = io.slipway.run.Workspace.of(Calls.run(cx)).resolve("copyTo", source);
    if (!Files.exists(src)) {
      throw SlipException.error("no such file: " + source);
    }
    var pipeIn = new PipedInputStream(64 * 1024);
    var pipeOut = new PipedOutputStream(pipeIn);
    Thread writer = Thread.ofVirtual().start(() -> {
      try (TarWriter tar = new TarWriter(pipeOut); Stream<Path> walk = Files.walk(src)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          String rel = src.getFileName() + (p.equals(src) ? "" : "/" + src.relativize(p).toString().replace('\\', '/'));
          tar.add(p, rel);
        }
      } catch (IOException e) {
        // the reader sees a truncated archive and the engine reports it
      }
    });
    try (pipeIn) {
      DockerSession.call("copy to " + c.name() + ":" + path, () -> {
        Calls.session(cx, c.engine()).engine().copyTo(c.id(), path, pipeIn);
        return null;
      });
    }
    writer.join();
    return Unit.INSTANCE;
  }

  static void createParent(Path p) throws IOException {
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
  }
}
