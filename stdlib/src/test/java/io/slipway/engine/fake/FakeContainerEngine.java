package io.slipway.engine.fake;

import io.slipway.engine.Attachment;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ContainerState;
import io.slipway.engine.EngineEvent;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.ImageRef;
import io.slipway.engine.LogLine;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.NotFound;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.Subscription;
import io.slipway.engine.VolumeInfo;
import io.slipway.engine.VolumeSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory {@link ContainerEngine} for fast, hermetic tests of the Docker builtins: ids are
 * deterministic ({@code fake-1}, {@code fake-2}), behaviour is scripted ({@link #onExec},
 * {@link #onStart}), and every operation is appended to {@link #log()} in order (labels sorted,
 * run-specific values left out) so tests can assert or snapshot what a pipeline asked of Docker.
 * Attach is not supported, so agents use one exec per command.
 */
public final class FakeContainerEngine implements ContainerEngine {
  private volatile String address = "fake://";
  /** What a scripted command or container does. */
  public record Script(int exitCode, String stdout, String stderr) {}

  private record Rule(List<String> prefix, Script script) {}

  private final Map<String, ImageInfo> images = new LinkedHashMap<>();
  private final Map<String, Fake> containers = new LinkedHashMap<>();
  private final Map<String, NetworkInfo> networks = new LinkedHashMap<>();
  private final Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
  private final List<Rule> execRules = new ArrayList<>();
  private final Map<String, Script> startRules = new LinkedHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private int next;

  private static final class Fake {
    final String id;
    final ContainerSpec spec;
    String name;
    final List<LogLine> output = new ArrayList<>();
    String status = "created";
    int exitCode;

    Fake(String id, ContainerSpec spec) {
      this.id = id;
      this.spec = spec;
      this.name = spec.name();
    }
  }

  /** Commands starting with {@code prefix} exit with {@code exit} and print {@code stdout}. */
  public synchronized FakeContainerEngine onExec(List<String> prefix, int exit, String stdout) {
    execRules.add(0, new Rule(List.copyOf(prefix), new Script(exit, stdout, "")));
    return this;
  }

  /** Containers of {@code image} print {@code stdout} and exit with {@code exit} when started. */
  public synchronized FakeContainerEngine onStart(String image, int exit, String stdout) {
    startRules.put(image, new Script(exit, stdout, ""));
    return this;
  }

  /**
   * Makes every later call of {@code operation} (a method name of {@link ContainerEngine}, e.g.
   * {@code "pull"} or {@code "inspectContainer"}) fail with an {@link EngineException}.
   */
  public FakeContainerEngine failOn(String operation, String message) {
    failures.put(operation, message);
    return this;
  }

  private void maybeFail(String operation) {
    String m = failures.get(operation);
    if (m != null) {
      throw new EngineException(operation + ": " + m);
    }
  }

  /** Makes {@code ref} present, as if pulled earlier. */
  public synchronized FakeContainerEngine withImage(String ref) {
    var info = new ImageInfo(newId(), List.of(ImageRef.parse(ref).toString()), 1024, Map.of(), "");
    images.put(ImageRef.parse(ref).toString(), info);
    images.put(info.id(), info); // found by id too, as the engine does
    return this;
  }

  /** Every operation so far, in order. */
  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private String newId() {
    return "fake-" + (++next);
  }

  private static String labels(Map<String, String> labels) {
    var shown = new TreeMap<String, String>();
    labels.forEach((k, v) -> {
      if (!k.equals("io.slipway.owner") && !k.equals("io.slipway.run")) {
        shown.put(k, v);
      }
    });
    return shown.toString();
  }

  @Override
  public String address() {
    return address;
  }

  /** Makes the fake answer {@code address} (a local-looking one: agents bind-mount the workspace). */
  public FakeContainerEngine address(String a) {
    this.address = a;
    return this;
  }

  @Override
  public void ping() {}

  @Override
  public synchronized ImageInfo build(BuildSpec spec, OutputSink output) {
    maybeFail("build");
    String id = newId();
    log.add("build " + spec.dockerfile() + " target=" + spec.target() + " tags=" + spec.tags() + " args=" + spec.args());
    output.write(LogLine.Stream.STDOUT, ("Successfully built " + id + "\n").getBytes(StandardCharsets.UTF_8));
    var info = new ImageInfo(id, spec.tags(), 2048, spec.labels(), "");
    images.put(id, info);
    spec.tags().forEach(t -> images.put(t, info));
    return info;
  }

  @Override
  public synchronized Optional<ImageInfo> inspectImage(String ref) {
    maybeFail("inspectImage");
    return Optional.ofNullable(images.get(ref.startsWith("fake-") ? ref : ImageRef.parse(ref).toString()));
  }

  @Override
  public synchronized List<ImageInfo> listImages(Map<String, String> labels) {
    maybeFail("listImages");
    return images.values().stream().distinct().filter(i -> i.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  @Override
  public synchronized void pull(String ref, RegistryAuth auth, OutputSink progress) {
    maybeFail("pull");
    log.add("pull " + ref + (auth == null ? "" : " as " + auth.username()));
    withImage(ref);
  }

  @Override
  public synchronized void push(String ref, RegistryAuth auth, OutputSink progress) {
    maybeFail("push");
    log.add("push " + ref + (auth == null ? "" : " as " + auth.username()));
    inspectImage(ref).orElseThrow(() -> new NotFound("no such image: " + ref));
  }

  @Override
  public synchronized void tag(String source, String target) {
    maybeFail("tag");
    log.add("tag " + source + " " + target);
    ImageInfo i = inspectImage(source).orElseThrow(() -> new NotFound("no such image: " + source));
    images.put(ImageRef.parse(target).toString(), i);
  }

  @Override
  public synchronized void removeImage(String ref, boolean force) {
    maybeFail("removeImage");
    log.add("remove image " + ref);
    images.remove(ref.startsWith("fake-") ? ref : ImageRef.parse(ref).toString());
  }

  @Override
  public void saveImages(List<String> refs, OutputStream out) {
    maybeFail("saveImages");
    log.add("save " + refs);
  }

  @Override
  public void loadImages(InputStream tar) {
    maybeFail("loadImages");
    log.add("load");
  }

  @Override
  public synchronized String importImage(InputStream tar, String ref) {
    maybeFail("importImage");
    log.add("import " + ref);
    withImage(ref);
    return images.get(ImageRef.parse(ref).toString()).id();
  }

  @Override
  public synchronized String createContainer(ContainerSpec spec) {
    maybeFail("createContainer");
    if (inspectImage(spec.image()).isEmpty()) {
      throw new NotFound("no such image: " + spec.image());
    }
    if (spec.name() != null && containers.values().stream().anyMatch(c -> spec.name().equals(c.name))) {
      throw new EngineException("the container name " + spec.name() + " is already in use");
    }
    String id = newId();
    containers.put(id, new Fake(id, spec));
    log.add("create container " + id + " image=" + spec.image() + " network=" + spec.network()
        + " aliases=" + spec.aliases() + " command=" + spec.command() + " labels=" + labels(spec.labels()));
    return id;
  }

  private Fake get(String id) {
    Fake f = containers.get(id);
    if (f == null) {
      f = containers.values().stream().filter(c -> id.equals(c.name)).findFirst()
          .orElseThrow(() -> new NotFound("no such container: " + id));
    }
    return f;
  }

  @Override
  public synchronized void startContainer(String id) {
    maybeFail("startContainer");
    Fake f = get(id);
    log.add("start " + id);
    Script s = startRules.get(f.spec.image());
    ImageInfo running = images.get(f.spec.image());
    if (s == null && running != null) {
      // a rule for any reference of the image (containers are started by image id)
      s = startRules.entrySet().stream()
          .filter(e -> running.equals(images.get(ImageRef.parse(e.getKey()).toString())))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (s == null) {
      f.status = "running";
      return;
    }
    s.stdout().lines().forEach(l -> f.output.add(new LogLine(LogLine.Stream.STDOUT, l)));
    f.status = "exited";
    f.exitCode = s.exitCode();
  }

  @Override
  public synchronized void stopContainer(String id, Duration timeout) {
    maybeFail("stopContainer");
    log.add("stop " + id);
    Fake f = get(id);
    if (f.status.equals("running")) {
      f.status = "exited";
      f.exitCode = 143;
    }
  }

  @Override
  public synchronized void renameContainer(String id, String newName) {
    log.add("rename " + id + " " + newName);
    Fake f = get(id);
    if (containers.values().stream().anyMatch(c -> c != f && newName.equals(c.name))) {
      throw new EngineException("the container name " + newName + " is already in use");
    }
    f.name = newName;
  }

  @Override
  public synchronized void killContainer(String id, String signal) {
    maybeFail("killContainer");
    log.add("kill " + id + " " + signal);
    Fake f = get(id);
    f.status = "exited";
    f.exitCode = 137;
  }

  @Override
  public synchronized void removeContainer(String id, boolean force) {
    maybeFail("removeContainer");
    if (containers.remove(id) != null) {
      log.add("remove container " + id);
    }
  }

  @Override
  public synchronized int waitContainer(String id, Duration timeout) {
    maybeFail("waitContainer");
    Fake f = get(id);
    if (f.status.equals("running")) {
      throw new EngineException("container did not exit within " + timeout.toSeconds() + "s");
    }
    return f.exitCode;
  }

  @Override
  public synchronized Optional<ContainerInfo> inspectContainer(String idOrName) {
    maybeFail("inspectContainer");
    try {
      Fake f = get(idOrName);
      Map<String, String> nets = new LinkedHashMap<>();
      if (f.spec.network() != null) {
        nets.put(f.spec.network(), "10.0.0." + f.id.substring(5));
      }
      return Optional.of(new ContainerInfo(f.id, f.name == null ? f.id : f.name, f.spec.image(),
          f.spec.labels(), new ContainerState(f.status, f.status.equals("running"), f.exitCode, false, null, null),
          nets, Map.of()));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized List<ContainerInfo> listContainers(Map<String, String> labels) {
    maybeFail("listContainers");
    return containers.values().stream().filter(c -> c.spec.labels().entrySet().containsAll(labels.entrySet()))
        .map(c -> inspectContainer(c.id).orElseThrow()).toList();
  }

  @Override
  public synchronized List<LogLine> logs(String id, int tail) {
    maybeFail("logs");
    List<LogLine> out = get(id).output;
    return tail < 0 || tail >= out.size() ? List.copyOf(out) : List.copyOf(out.subList(out.size() - tail, out.size()));
  }

  @Override
  public Subscription followLogs(String id, int tail, OutputSink sink, Runnable onEnd) {
    maybeFail("followLogs");
    for (LogLine l : logs(id, tail)) {
      sink.write(l.stream(), (l.text() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    onEnd.run();
    return () -> { };
  }

  @Override
  public int exec(String id, ExecSpec spec, OutputSink output) {
    maybeFail("exec");
    Script s;
    synchronized (this) {
      if (!get(id).status.equals("running")) {
        throw new EngineException("container " + id + " is not running");
      }
      log.add("exec " + id + " " + spec.command() + (spec.env().isEmpty() ? "" : " env=" + new TreeMap<>(spec.env()).keySet()));
      s = execRules.stream().filter(r -> spec.command().size() >= r.prefix().size()
              && spec.command().subList(0, r.prefix().size()).equals(r.prefix()))
          .map(Rule::script).findFirst().orElse(new Script(0, "", ""));
    }
    if (!s.stdout().isEmpty()) {
      output.write(LogLine.Stream.STDOUT, s.stdout().getBytes(StandardCharsets.UTF_8));
    }
    return s.exitCode();
  }

  @Override
  public Attachment attach(String id, OutputSink output) {
    throw new EngineException("attach is not supported by the fake engine");
  }

  @Override
  public Attachment execAttached(String id, ExecSpec spec, OutputSink output) {
    throw new EngineException("attach is not supported by the fake engine");
  }

  @Override
  public void copyTo(String id, String containerDir, InputStream tar) {
    maybeFail("copyTo");
    log.add("copy to " + id + ":" + containerDir);
  }

  @Override
  public InputStream copyFrom(String id, String containerPath) {
    maybeFail("copyFrom");
    log.add("copy from " + id + ":" + containerPath);
    return new ByteArrayInputStream(new byte[1024]);
  }

  @Override
  public void exportContainer(String id, OutputStream out) {
    maybeFail("exportContainer");
    log.add("export " + id);
  }

  @Override
  public synchronized String createNetwork(NetworkSpec spec) {
    maybeFail("createNetwork");
    if (networks.values().stream().anyMatch(n -> n.name().equals(spec.name()))) {
      throw new EngineException("network with name " + spec.name() + " already exists");
    }
    String id = newId();
    networks.put(id, new NetworkInfo(id, spec.name(), spec.driver(), spec.labels(), Map.of()));
    log.add("create network " + id + " labels=" + labels(spec.labels()));
    return id;
  }

  @Override
  public void connectNetwork(String network, String container, List<String> aliases) {
    maybeFail("connectNetwork");
    log.add("connect " + container + " to " + network + " aliases=" + aliases);
  }

  @Override
  public void disconnectNetwork(String network, String container) {
    maybeFail("disconnectNetwork");
    log.add("disconnect " + container + " from " + network);
  }

  @Override
  public synchronized void removeNetwork(String idOrName) {
    maybeFail("removeNetwork");
    if (networks.remove(idOrName) != null) {
      log.add("remove network " + idOrName);
    }
  }

  @Override
  public synchronized Optional<NetworkInfo> inspectNetwork(String idOrName) {
    maybeFail("inspectNetwork");
    return Optional.ofNullable(networks.get(idOrName));
  }

  @Override
  public synchronized List<NetworkInfo> listNetworks(Map<String, String> labels) {
    maybeFail("listNetworks");
    return networks.values().stream().filter(n -> n.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  @Override
  public synchronized String createVolume(VolumeSpec spec) {
    maybeFail("createVolume");
    volumes.put(spec.name(), new VolumeInfo(spec.name(), "local", spec.labels(), "/fake/" + spec.name()));
    log.add("create volume labels=" + labels(spec.labels()));
    return spec.name();
  }

  @Override
  public synchronized void removeVolume(String name) {
    maybeFail("removeVolume");
    if (volumes.remove(name) != null) {
      log.add("remove volume");
    }
  }

  @Override
  public synchronized List<VolumeInfo> listVolumes(Map<String, String> labels) {
    maybeFail("listVolumes");
    return volumes.values().stream().filter(v -> v.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  @Override
  public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
    return () -> { };
  }

  @Override
  public void close() {}
}
