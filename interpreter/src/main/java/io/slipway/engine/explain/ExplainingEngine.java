package io.slipway.engine.explain;

import io.slipway.engine.Attachment;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineEvent;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.LogLine;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.Subscription;
import io.slipway.engine.SwarmOps;
import io.slipway.engine.TlsFiles;
import io.slipway.engine.VolumeInfo;
import io.slipway.engine.VolumeSpec;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link ContainerEngine} that, while {@linkplain #enabled(boolean) enabled}, says before each
 * Docker operation which {@code docker} command does the same thing, as one line starting with
 * {@code $ docker } ({@code $ docker run -d --name db --network books busybox sleep 300}), and
 * then performs it on the engine it decorates. This is the REPL's {@code :explain on}: a learner
 * sees a pipeline in the terms of the docker CLI.
 *
 * <p>Names are the ones the Slipfile gave ({@code db}, not the run-scoped {@code db-1a2b3c4d}),
 * see {@link Names}; images that Slipway passes by id are shown by the reference the pipeline
 * tagged, built or pulled them as (else by Docker's 12-digit short id); paths are relative to
 * the pipeline's directory. A container is explained
 * as {@code docker run -d ...} when it is started right after being created (what Slipway's
 * {@code start} and {@code service} do); when something happens to it in between (an agent
 * joins its networks first), the create and the start are explained separately. A failed create
 * is explained after the failure, since only then is it known that no start follows.
 *
 * <p>Not explained: swarm services (a stack {@code deploy}); queries (inspect, list, ping, events), which Slipway polls while waiting
 * for readiness and which would drown the commands that change something; and the hold
 * references a run gives its images ({@code slipway-run/...}), which are Slipway's bookkeeping.
 * Registry credentials are shown as {@code docker login --password-stdin}, never the password.
 * The lines carry {@code -e} values as given: send them through the session's masking sink
 * ({@link #toEvents(EventSink)} with {@code Session.events()}) so that secrets are masked.
 *
 * <p>Names and pending creates are tracked while disabled too, so turning explanations on in
 * the middle of a session names everything correctly. Thread-safe, like the engine it wraps.
 */
public final class ExplainingEngine implements ContainerEngine {
  private final ContainerEngine delegate;
  private final Explanations settings;
  private final List<String> globalFlags;
  private final Names names = new Names();
  /** Containers created but not yet started or otherwise used: explained at their start. */
  private final Map<String, ContainerSpec> pending = new ConcurrentHashMap<>();

  /**
   * An engine with a switch of its own (off at first).
   *
   * @param delegate the engine that does the work
   * @param base the pipeline's directory; build contexts and files are shown relative to it
   * @param out receives each explanation line ({@code $ docker ...}) on the calling thread
   */
  public ExplainingEngine(ContainerEngine delegate, Path base, Consumer<String> out) {
    this(delegate, new Explanations(out, base));
  }

  /**
   * As above, with global flags of the docker CLI put before every command: {@code -H ADDRESS}
   * (and {@code --tlsverify} ...) when the engine is not the local default one.
   */
  public ExplainingEngine(ContainerEngine delegate, Path base, Consumer<String> out,
      List<String> globalFlags) {
    this(delegate, new Explanations(out, base, globalFlags));
  }

  /** An engine explaining itself through a switch shared with others ({@link Explanations#wrap}). */
  public ExplainingEngine(ContainerEngine delegate, Explanations settings) {
    this(delegate, settings, settings.globalFlags());
  }

  /**
   * An engine explaining itself through a shared switch, with global flags of its own
   * ({@link #engineFlags}: another engine than the session's default one).
   */
  public ExplainingEngine(ContainerEngine delegate, Explanations settings, List<String> globalFlags) {
    this.delegate = delegate;
    this.settings = settings;
    this.globalFlags = List.copyOf(globalFlags);
  }

  /**
   * The docker CLI's global flags that reach the engine at {@code host}:
   * {@code -H tcp://prod:2376}, with mutual TLS {@code --tlsverify --tlscacert CA --tlscert CERT
   * --tlskey KEY} ({@code tls} may be null). The files are shown relative to {@code base} when
   * they are below it, else absolute.
   */
  public static List<String> engineFlags(String host, TlsFiles tls, Path base) {
    var a = new ArrayList<String>(List.of("-H", host));
    if (tls != null) {
      a.addAll(List.of("--tlsverify", "--tlscacert", shown(tls.ca(), base), "--tlscert",
          shown(tls.cert(), base), "--tlskey", shown(tls.key(), base)));
    }
    return a;
  }

  private static String shown(Path file, Path base) {
    Path abs = file.toAbsolutePath().normalize();
    if (base != null) {
      Path b = base.toAbsolutePath().normalize();
      if (abs.startsWith(b) && !abs.equals(b)) {
        return b.relativize(abs).toString();
      }
    }
    return abs.toString();
  }

  /** A line consumer that emits each explanation as a run-level {@code INFO} log event. */
  public static Consumer<String> toEvents(EventSink events) {
    return line -> events.emit(new Event.Log(Instant.now(), null, Event.Stream.INFO, line));
  }

  /** Turns explanations on or off; operations are performed either way. */
  public void enabled(boolean on) {
    settings.enabled(on);
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** The decorated engine. */
  public ContainerEngine delegate() {
    return delegate;
  }

  /** True for the references Slipway gives images for its own bookkeeping. */
  static boolean internalRef(String ref) {
    return ref.startsWith("slipway-run/");
  }

  private void explain(List<String> words) {
    if (settings.enabled()) {
      var all = new ArrayList<String>();
      all.add("docker");
      all.addAll(globalFlags);
      all.addAll(words);
      settings.say("$ " + ShellWords.join(all));
    }
  }

  private void explain(String... words) {
    explain(List.of(words));
  }

  /** The user's name of a container, first explaining its create if that is still pending. */
  private String container(String id) {
    ContainerSpec spec = pending.remove(id);
    if (spec != null) {
      explain(create("create", spec));
    }
    return names.of(id);
  }

  private List<String> create(String verb, ContainerSpec spec) {
    var a = new ArrayList<String>();
    a.add(verb);
    if (verb.equals("run")) {
      a.add("-d");
    }
    a.addAll(ContainerFlags.of(spec, names));
    return a;
  }

  private void login(RegistryAuth auth) {
    if (auth != null && auth.username() != null) {
      explain("login", "--username", auth.username(), "--password-stdin", auth.registry());
    }
  }

  // ---- not explained

  @Override
  public String address() {
    return delegate.address();
  }

  @Override
  public void ping() {
    delegate.ping();
  }

  @Override
  public Optional<ImageInfo> inspectImage(String ref) {
    Optional<ImageInfo> info = delegate.inspectImage(ref);
    info.ifPresent(i -> names.image(i.id(), ref));
    return info;
  }

  @Override
  public List<ImageInfo> listImages(Map<String, String> labels) {
    return delegate.listImages(labels);
  }

  @Override
  public Optional<ContainerInfo> inspectContainer(String idOrName) {
    return delegate.inspectContainer(idOrName);
  }

  @Override
  public List<ContainerInfo> listContainers(Map<String, String> labels) {
    return delegate.listContainers(labels);
  }

  @Override
  public List<ContainerInfo> listContainersBrief(Map<String, String> labels) {
    return delegate.listContainersBrief(labels);
  }

  @Override
  public Optional<NetworkInfo> inspectNetwork(String idOrName) {
    return delegate.inspectNetwork(idOrName);
  }

  @Override
  public List<NetworkInfo> listNetworks(Map<String, String> labels) {
    return delegate.listNetworks(labels);
  }

  @Override
  public List<VolumeInfo> listVolumes(Map<String, String> labels) {
    return delegate.listVolumes(labels);
  }

  @Override
  public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
    return delegate.events(labels, sink);
  }

  /** A stack deploy's swarm services, as the decorated engine has them (not explained). */
  @Override
  public SwarmOps swarm() {
    return delegate.swarm();
  }

  @Override
  public void close() {
    delegate.close();
  }

  // ---- images

  @Override
  public ImageInfo build(BuildSpec spec, OutputSink output) {
    explain(OtherCommands.build(spec, settings.base()));
    ImageInfo built = delegate.build(spec, output);
    if (built != null) {
      spec.tags().forEach(t -> names.image(built.id(), t));
    }
    return built;
  }

  @Override
  public void pull(String ref, RegistryAuth auth, OutputSink progress) {
    login(auth);
    explain("pull", ref);
    delegate.pull(ref, auth, progress);
  }

  @Override
  public void push(String ref, RegistryAuth auth, OutputSink progress) {
    login(auth);
    explain("push", ref);
    delegate.push(ref, auth, progress);
  }

  @Override
  public void tag(String source, String target) {
    if (!internalRef(target)) {
      explain("tag", names.image(source), target);
    }
    names.image(source, target);
    delegate.tag(source, target);
  }

  @Override
  public void removeImage(String ref, boolean force) {
    if (!internalRef(ref)) {
      explain(force ? List.of("rmi", "-f", names.image(ref)) : List.of("rmi", names.image(ref)));
    }
    delegate.removeImage(ref, force);
  }

  @Override
  public void saveImages(List<String> refs, OutputStream out) {
    var a = new ArrayList<String>(List.of("save"));
    refs.stream().filter(r -> !internalRef(r)).forEach(a::add);
    explain(a);
    delegate.saveImages(refs, out);
  }

  @Override
  public void loadImages(InputStream tar) {
    explain("load");
    delegate.loadImages(tar);
  }

  @Override
  public String importImage(InputStream tar, String ref) {
    explain(ref == null ? List.of("import", "-") : List.of("import", "-", ref));
    return delegate.importImage(tar, ref);
  }

  // ---- containers

  @Override
  public String createContainer(ContainerSpec spec) {
    String name = names.created(spec.name(), spec.labels());
    String id;
    try {
      id = delegate.createContainer(spec);
    } catch (RuntimeException e) {
      explain(create("create", spec));
      throw e;
    }
    names.remember(id, name);
    names.remember(spec.name(), name);
    pending.put(id, spec);
    return id;
  }

  @Override
  public void startContainer(String id) {
    ContainerSpec spec = pending.remove(id);
    explain(spec != null ? create("run", spec) : List.of("start", names.of(id)));
    delegate.startContainer(id);
  }

  @Override
  public void stopContainer(String id, Duration timeout) {
    explain("stop", "-t", Long.toString(timeout.toSeconds()), container(id));
    delegate.stopContainer(id, timeout);
  }

  @Override
  public void renameContainer(String id, String newName) {
    explain("rename", container(id), newName);
    delegate.renameContainer(id, newName);
  }

  @Override
  public void killContainer(String id, String signal) {
    String name = container(id);
    explain(signal == null || signal.equals("KILL") || signal.equals("SIGKILL")
        ? List.of("kill", name) : List.of("kill", "-s", signal, name));
    delegate.killContainer(id, signal);
  }

  @Override
  public void pauseContainer(String id) {
    explain(List.of("pause", container(id)));
    delegate.pauseContainer(id);
  }

  @Override
  public void unpauseContainer(String id) {
    explain(List.of("unpause", container(id)));
    delegate.unpauseContainer(id);
  }

  @Override
  public void removeContainer(String id, boolean force) {
    String name = container(id);
    explain(force ? List.of("rm", "-f", name) : List.of("rm", name));
    delegate.removeContainer(id, force);
  }

  @Override
  public int waitContainer(String id, Duration timeout) {
    explain("wait", container(id));
    return delegate.waitContainer(id, timeout);
  }

  @Override
  public List<LogLine> logs(String id, int tail) {
    explain(tail < 0 ? List.of("logs", container(id))
        : List.of("logs", "--tail", Integer.toString(tail), container(id)));
    return delegate.logs(id, tail);
  }

  @Override
  public Subscription followLogs(String id, int tail, OutputSink sink, Runnable onEnd) {
    explain(tail < 0 ? List.of("logs", "-f", container(id))
        : List.of("logs", "-f", "--tail", Integer.toString(tail), container(id)));
    return delegate.followLogs(id, tail, sink, onEnd);
  }

  @Override
  public int exec(String id, ExecSpec spec, OutputSink output) {
    explain(exec(false, id, spec));
    return delegate.exec(id, spec, output);
  }

  @Override
  public Attachment attach(String id, OutputSink output) {
    explain("attach", container(id));
    return delegate.attach(id, output);
  }

  @Override
  public Attachment execAttached(String id, ExecSpec spec, OutputSink output) {
    explain(exec(true, id, spec));
    return delegate.execAttached(id, spec, output);
  }

  private List<String> exec(boolean interactive, String id, ExecSpec spec) {
    var a = new ArrayList<String>(List.of("exec"));
    if (interactive) {
      a.add("-i");
    }
    ContainerFlags.env(a, spec.env());
    if (spec.workdir() != null) {
      ContainerFlags.flag(a, "-w", spec.workdir());
    }
    if (spec.user() != null) {
      ContainerFlags.flag(a, "-u", spec.user());
    }
    a.add(container(id));
    a.addAll(spec.command());
    return a;
  }

  @Override
  public void copyTo(String id, String containerDir, InputStream tar) {
    explain("cp", "-", container(id) + ":" + containerDir);
    delegate.copyTo(id, containerDir, tar);
  }

  @Override
  public InputStream copyFrom(String id, String containerPath) {
    explain("cp", container(id) + ":" + containerPath, "-");
    return delegate.copyFrom(id, containerPath);
  }

  @Override
  public void exportContainer(String id, OutputStream out) {
    explain("export", container(id));
    delegate.exportContainer(id, out);
  }

  // ---- networks and volumes

  @Override
  public String createNetwork(NetworkSpec spec) {
    String name = names.created(spec.name(), spec.labels());
    explain(OtherCommands.network(spec, name));
    String id = delegate.createNetwork(spec);
    names.remember(id, name);
    names.remember(spec.name(), name);
    return id;
  }

  @Override
  public void connectNetwork(String network, String container, List<String> aliases) {
    String name = container(container);
    var a = new ArrayList<String>(List.of("network", "connect"));
    for (String alias : aliases) {
      if (!alias.equals(name)) {
        ContainerFlags.flag(a, "--alias", alias);
      }
    }
    a.add(names.of(network));
    a.add(name);
    explain(a);
    delegate.connectNetwork(network, container, aliases);
  }

  @Override
  public void disconnectNetwork(String network, String container) {
    explain("network", "disconnect", names.of(network), container(container));
    delegate.disconnectNetwork(network, container);
  }

  @Override
  public void removeNetwork(String idOrName) {
    explain("network", "rm", names.of(idOrName));
    delegate.removeNetwork(idOrName);
  }

  @Override
  public String createVolume(VolumeSpec spec) {
    String name = names.created(spec.name(), spec.labels());
    explain(OtherCommands.volume(spec, name));
    String created = delegate.createVolume(spec);
    names.remember(created, name);
    return created;
  }

  @Override
  public void removeVolume(String name) {
    explain("volume", "rm", names.of(name));
    delegate.removeVolume(name);
  }
}
