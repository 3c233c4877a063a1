package io.slipway.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ContainerState;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.Mount;
import io.slipway.engine.OutputSink;
import io.slipway.engine.PortBinding;
import io.slipway.engine.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Container operations on docker-java. */
final class DockerContainers {
  /** How many containers {@link #list} inspects at a time. */
  private static final int INSPECTS = 8;
  /** The exit code in a list entry's status text: {@code "Exited (137) 2 seconds ago"}. */
  private static final java.util.regex.Pattern EXIT_CODE =
      java.util.regex.Pattern.compile("^(?:Exited|Restarting) \\((-?\\d+)\\)");
  /** The health in a list entry's status text: {@code "Up 5 seconds (healthy)"}. */
  private static final java.util.regex.Pattern HEALTH =
      java.util.regex.Pattern.compile("\\((healthy|unhealthy|health: starting)\\)");
  private final DockerClient client;
  private final DockerHttpClient http;

  DockerContainers(DockerClient client, DockerHttpClient http) {
    this.client = client;
    this.http = http;
  }

  String create(ContainerSpec spec) {
    HostConfig host = HostConfig.newHostConfig().withInit(spec.init() ? Boolean.TRUE : null);
    if (spec.network() != null) {
      host.withNetworkMode(spec.network());
    }
    Ports ports = new Ports();
    List<ExposedPort> exposed = new ArrayList<>();
    for (PortBinding p : spec.ports()) {
      ExposedPort e = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
      exposed.add(e);
      String ip = p.hostIp() == null || p.hostIp().isEmpty() ? null : p.hostIp();
      // host port 0: Docker picks a free one (a binding without a host port)
      ports.bind(e, p.hostPortEnd() > p.hostPort() ? Ports.Binding.bindIpAndPortRange(ip, p.hostPort(), p.hostPortEnd())
          : p.hostPort() == 0 ? new Ports.Binding(ip, null) : Ports.Binding.bindIpAndPort(ip, p.hostPort()));
    }
    host.withPortBindings(ports);
    List<Bind> binds = new ArrayList<>();
    for (Mount m : spec.mounts()) {
      binds.add(new Bind(m.source(), new Volume(m.target()),
          m.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro : com.github.dockerjava.api.model.AccessMode.rw));
    }
    DockerOptions.addBinds(spec.options(), binds);
    host.withBinds(binds);
    if (!spec.capAdd().isEmpty()) {
      host.withCapAdd(spec.capAdd().stream().map(c -> Capability.valueOf(c.startsWith("CAP_") ? c.substring(4) : c))
          .toArray(Capability[]::new));
    }
    DockerOptions.addExposed(spec.options(), exposed);
    CreateContainerCmd cmd = client.createContainerCmd(spec.image())
        .withHostConfig(host)
        .withLabels(spec.labels())
        .withEnv(DockerOptions.envList(spec.env()));
    if (!exposed.isEmpty()) {
      cmd.withExposedPorts(exposed);
    }
    if (spec.name() != null) {
      cmd.withName(spec.name());
    }
    if (spec.command() != null) {
      cmd.withCmd(spec.command());
    }
    if (spec.entrypoint() != null) {
      cmd.withEntrypoint(spec.entrypoint());
    }
    if (spec.workdir() != null) {
      cmd.withWorkingDir(spec.workdir());
    }
    if (spec.user() != null) {
      cmd.withUser(spec.user());
    }
    if (spec.hostname() != null) {
      cmd.withHostName(spec.hostname());
    }
    if (!spec.aliases().isEmpty() && spec.network() != null) {
      cmd.withAliases(spec.aliases());
    }
    if (spec.stopTimeout() != null) {
      cmd.withStopTimeout((int) spec.stopTimeout().toSeconds());
    }
    if (spec.stdinOpen()) {
      cmd.withStdinOpen(true).withStdInOnce(false).withAttachStdin(true);
    }
    if (spec.healthcheck() != null) {
      var h = spec.healthcheck();
      cmd.withHealthcheck(new HealthCheck().withTest(h.test()).withInterval(nanos(h.interval()))
          .withTimeout(nanos(h.timeout())).withRetries(h.retries()).withStartPeriod(nanos(h.startPeriod())));
    }
    DockerOptions.apply(spec.options(), host, cmd);
    return cmd.exec().getId();
  }

  private static Long nanos(Duration d) {
    return d == null ? null : d.toNanos();
  }

  void stop(String id, Duration timeout) {
    try {
      client.stopContainerCmd(id).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
    } catch (NotModifiedException e) {
      // already stopped
    }
  }

  void kill(String id, String signal) {
    try {
      client.killContainerCmd(id).withSignal(signal).exec();
    } catch (ConflictException e) {
      // not running: nothing to signal
    }
  }

  void pause(String id) {
    client.pauseContainerCmd(id).exec();
  }

  void unpause(String id) {
    client.unpauseContainerCmd(id).exec();
  }

  void remove(String id, boolean force) {
    try {
      client.removeContainerCmd(id).withForce(force).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (ConflictException e) {
      if (!DockerErrors.message(e).contains("already in progress")) {
        throw e;
      }
      awaitRemoved(id);
    }
  }

  /**
   * Waits out another request's removal of {@code id} (the engine answers a second removal
   * "already in progress" at once): the caller, a run's cleanup for one, may count the
   * container as removed only once the engine no longer lists it. The request's deadline (an
   * {@link EngineCalls} limit) bounds the wait by interrupting it.
   */
  private void awaitRemoved(String id) {
    while (true) {
      try {
        client.inspectContainerCmd(id).exec();
      } catch (NotFoundException gone) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while container " + id + " is being removed", e);
      }
    }
  }

  int await(String id, Duration timeout) {
    var cb = client.waitContainerCmd(id).exec(new WaitContainerResultCallback());
    try {
      return cb.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (DockerClientException e) {
      close(cb);
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new EngineException("interrupted");
      }
      if (e.getMessage() != null && e.getMessage().contains("timeout")) {
        throw new EngineException("container did not exit within " + timeout.toSeconds() + "s");
      }
      throw e;
    }
  }

  Optional<ContainerInfo> inspect(String idOrName) {
    InspectContainerResponse r;
    try {
      r = client.inspectContainerCmd(idOrName).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    var s = r.getState();
    String health = s.getHealth() == null ? null : s.getHealth().getStatus();
    var state = new ContainerState(s.getStatus(), Boolean.TRUE.equals(s.getRunning()),
        s.getExitCodeLong() == null ? 0 : s.getExitCodeLong().intValue(),
        Boolean.TRUE.equals(s.getOOMKilled()), health, s.getError());
    Map<String, String> nets = new HashMap<>();
    Map<String, Integer> ports = new HashMap<>();
    if (r.getNetworkSettings() != null) {
      if (r.getNetworkSettings().getNetworks() != null) {
        r.getNetworkSettings().getNetworks().forEach((k, v) ->
            nets.put(k, v.getIpAddress() == null ? "" : v.getIpAddress()));
      }
      if (r.getNetworkSettings().getPorts() != null) {
        r.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
          if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
            ports.put(port.toString(), Integer.parseInt(bindings[0].getHostPortSpec()));
          }
        });
      }
    }
    String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
    Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
        ? Map.of() : r.getConfig().getLabels();
    return Optional.of(new ContainerInfo(r.getId(), name, r.getConfig() == null ? "" : r.getConfig().getImage(),
        labels, state, nets, ports));
  }

  /** The listed containers as the list describes them ({@code ContainerEngine.listContainersBrief}). */
  List<ContainerInfo> listBrief(Map<String, String> labels) {
    List<ContainerInfo> out = new ArrayList<>();
    for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
      out.add(brief(c));
    }
    return out;
  }

  /**
   * A list entry as a {@link ContainerInfo}. Running is what an inspection's {@code State.Running}
   * is: true while running, paused or restarting. The exit code and health come from the entry's
   * {@code Status} text ({@code "Exited (137) 2 seconds ago"}, {@code "Up 5 seconds (healthy)"}).
   */
  static ContainerInfo brief(Container c) {
    String status = c.getState() == null ? "" : c.getState();
    boolean running = status.equals("running") || status.equals("paused") || status.equals("restarting");
    String text = c.getStatus() == null ? "" : c.getStatus();
    var code = EXIT_CODE.matcher(text);
    int exitCode = code.find() ? Integer.parseInt(code.group(1)) : 0;
    var health = HEALTH.matcher(text);
    String healthStatus = !health.find() ? null
        : health.group(1).equals("health: starting") ? "starting" : health.group(1);
    String name = "";
    if (c.getNames() != null) {
      for (String n : c.getNames()) {
        String bare = n.startsWith("/") ? n.substring(1) : n;
        if (!bare.contains("/")) { // the others are legacy link aliases, "/other/alias"
          name = bare;
          break;
        }
      }
    }
    Map<String, String> nets = new HashMap<>();
    if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
      c.getNetworkSettings().getNetworks().forEach((k, v) ->
          nets.put(k, v.getIpAddress() == null ? "" : v.getIpAddress()));
    }
    Map<String, Integer> ports = new HashMap<>();
    if (c.getPorts() != null) {
      for (var p : c.getPorts()) {
        if (p.getPrivatePort() != null && p.getPublicPort() != null) {
          String key = p.getPrivatePort() + "/" + (p.getType() == null ? "tcp" : p.getType());
          ports.putIfAbsent(key, p.getPublicPort()); // once per host address (IPv4, IPv6)
        }
      }
    }
    return new ContainerInfo(c.getId(), name, c.getImage() == null ? "" : c.getImage(),
        c.getLabels() == null ? Map.of() : c.getLabels(),
        new ContainerState(status, running, exitCode, false, healthStatus, null), nets, ports);
  }

  /**
   * The listed containers, each inspected (the list alone lacks exit codes and health). The
   * inspections run at once, up to {@link #INSPECTS} at a time: each is a round trip, and a
   * compose project's {@code down} starts by listing all of its containers.
   */
  List<ContainerInfo> list(Map<String, String> labels) {
    List<Container> found = client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    List<ContainerInfo> out = new ArrayList<>();
    if (found.size() <= 1) {
      found.forEach(c -> inspect(c.getId()).ifPresent(out::add));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(INSPECTS, found.size()),
        Thread.ofPlatform().daemon().name("slipway-engine-inspect-", 0).factory());
    try {
      List<Future<Optional<ContainerInfo>>> inspected = new ArrayList<>();
      for (Container c : found) {
        inspected.add(pool.submit(() -> inspect(c.getId())));
      }
      for (Future<Optional<ContainerInfo>> f : inspected) {
        f.get().ifPresent(out::add);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("list containers: interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new EngineException("list containers: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  List<LogLine> logs(String id, int tail) {
    List<LogLine> lines = new ArrayList<>();
    var splitter = new LineSplitter(lines::add);
    var cmd = client.logContainerCmd(id).withStdOut(true).withStdErr(true);
    if (tail >= 0) {
      cmd.withTail(tail);
    }
    var cb = cmd.exec(new FrameSink(splitter));
    try {
      cb.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(cb);
      throw new EngineException("interrupted");
    }
    splitter.flush();
    return lines;
  }

  Subscription follow(String id, int tail, OutputSink sink, Runnable onEnd) {
    var cmd = client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true);
    if (tail >= 0) {
      cmd.withTail(tail);
    }
    var cb = cmd.exec(new FrameSink(sink) {
      @Override
      public void onComplete() {
        super.onComplete();
        onEnd.run();
      }

      @Override
      public void onError(Throwable t) {
        super.onError(t);
        onEnd.run();
      }
    });
    return () -> close(cb);
  }

  /** Creates an exec instance (not started) and returns its id. */
  String createExec(String id, ExecSpec spec, boolean stdin) {
    var create = client.execCreateCmd(id).withCmd(spec.command().toArray(String[]::new))
        .withAttachStdout(true).withAttachStderr(true);
    if (stdin) {
      create.withAttachStdin(true);
    }
    if (!spec.env().isEmpty()) {
      create.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
    if (spec.workdir() != null) {
      create.withWorkingDir(spec.workdir());
    }
    if (spec.user() != null) {
      create.withUser(spec.user());
    }
    return create.exec().getId();
  }

  /** Starts an exec instance and streams its output until it ends. */
  void startExec(String execId, OutputSink output) {
    ResultCallback.Adapter<Frame> cb = client.execStartCmd(execId).exec(new FrameSink(output));
    try {
      cb.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(cb);
      throw new EngineException("interrupted");
    }
  }

  /** The exit code of a finished exec instance, -1 when the engine has none. */
  int execExitCode(String execId) {
    Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
    return code == null ? -1 : code.intValue();
  }

  io.slipway.engine.Attachment attach(String id, OutputSink output) {
    return hijack(sink -> client.attachContainerCmd(id).withStdIn(sink.stdin).withStdOut(true)
        .withStdErr(true).withFollowStream(true).exec(sink), output);
  }

  /** Starts an exec instance created with stdin, its stdin fed through the returned attachment. */
  io.slipway.engine.Attachment startAttached(String execId, OutputSink output) {
    return hijack(sink -> client.execStartCmd(execId).withStdIn(sink.stdin).exec(sink), output);
  }

  /** The output side of a hijacked stream: forwards frames and completes when the stream ends. */
  private static final class EndingSink extends FrameSink {
    final java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
    final InputStream stdin;

    EndingSink(OutputSink output, InputStream stdin) {
      super(output);
      this.stdin = stdin;
    }

    @Override
    public void onComplete() {
      super.onComplete();
      ended.complete(null);
    }

    @Override
    public void onError(Throwable t) {
      super.onError(t);
      ended.complete(null);
    }
  }

  /** Opens a hijacked stream whose stdin is fed through a pipe. */
  private static io.slipway.engine.Attachment hijack(
      java.util.function.Consumer<EndingSink> start, OutputSink output) {
    var pipe = new StdinPipe();
    OutputStream stdin = pipe.writer;
    var cb = new EndingSink(output, pipe.reader);
    start.accept(cb);
    try {
      // the hijacked connection is up once the engine answered the upgrade
      cb.awaitStarted(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(cb);
      throw new EngineException("interrupted");
    }
    return new io.slipway.engine.Attachment() {
      @Override
      public OutputStream stdin() {
        return stdin;
      }

      @Override
      public void onEnd(Runnable action) {
        cb.ended.thenRun(action);
      }

      @Override
      public void close() {
        DockerContainers.close(stdin);
        DockerContainers.close(cb);
      }
    };
  }

  void export(String id, OutputStream out) {
    var req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + id + "/export").build();
    try (DockerHttpClient.Response resp = http.execute(req); InputStream body = resp.getBody()) {
      if (resp.getStatusCode() != 200) {
        throw new EngineException("export of " + id + " failed: HTTP " + resp.getStatusCode() + " "
            + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
      }
      body.transferTo(out);
    } catch (IOException e) {
      throw DockerJavaEngine.io("export " + id, e);
    }
  }

  /**
   * {@code docker import}: POST /images/create?fromSrc=- with the tar as body. docker-java's
   * CreateImageCmd truncates streamed bodies on the zerodep transport, so this goes raw.
   */
  String importImage(InputStream tar, String ref) {
    var r = io.slipway.engine.ImageRef.parse(ref);
    String q = "fromSrc=-&repo=" + java.net.URLEncoder.encode(r.name(), java.nio.charset.StandardCharsets.UTF_8)
        + "&tag=" + java.net.URLEncoder.encode(r.tag(), java.nio.charset.StandardCharsets.UTF_8);
    var req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
        .path("/images/create?" + q).putHeader("Content-Type", "application/x-tar").body(tar).build();
    try (DockerHttpClient.Response resp = http.execute(req); InputStream body = resp.getBody()) {
      String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (resp.getStatusCode() != 200 || text.contains("\"errorDetail\"")) {
        throw new EngineException("import " + ref + " failed: " + DockerErrors.message(new RuntimeException(text)));
      }
      var m = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"(sha256:[0-9a-f]+)\"").matcher(text);
      String id = null;
      while (m.find()) {
        id = m.group(1);
      }
      return id != null ? id : ref;
    } catch (IOException e) {
      throw DockerJavaEngine.io("import " + ref, e);
    }
  }

  private static void close(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // abandoning the stream
    }
  }
}
