package io.slipway.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineEvent;
import io.slipway.engine.EngineException;
import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.LogLine;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.Subscription;
import io.slipway.engine.VolumeInfo;
import io.slipway.engine.VolumeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link ContainerEngine} on a real Docker engine through docker-java and its zero-dependency
 * HTTP transport. The only class family that sees docker-java. {@link #connect()} honours
 * {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} as the docker CLI
 * does, and pings the engine so that an unreachable one fails at once with the address tried.
 *
 * <p>Every request runs through {@link EngineCalls}: requests are bounded by
 * {@link EngineTimeouts} (an engine that accepts connections but never answers is reported as
 * unavailable within the ping timeout), streams are not, and every wait ends when the calling
 * thread is interrupted.
 */
public final class DockerJavaEngine implements ContainerEngine {
  private final String address;
  private final DockerClient client;
  private final DockerHttpClient http;
  private final EngineCalls calls;
  private final DockerImages images;
  private final DockerContainers containers;
  private final DockerNetworks networks;
  private final DockerSwarm swarm;
  private volatile io.slipway.engine.TlsFiles tls;

  private DockerJavaEngine(DockerClientConfig config, EngineTimeouts timeouts) {
    this.address = config.getDockerHost().toString();
    this.http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(64)
        .connectionTimeout(timeouts.connect())
        .build();
    this.client = DockerClientImpl.getInstance(config, http);
    this.calls = new EngineCalls(address, timeouts);
    calls.probeWith(() -> client.pingCmd().exec());
    this.images = new DockerImages(client);
    this.containers = new DockerContainers(client, http);
    this.networks = new DockerNetworks(client);
    this.swarm = new DockerSwarm(client, this::op);
  }

  /**
   * Connects as configured by the environment ({@code DOCKER_HOST} ...,
   * {@code SLIPWAY_ENGINE_TIMEOUT}) and pings.
   */
  public static DockerJavaEngine connect() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    EngineTimeouts timeouts;
    try {
      timeouts = EngineTimeouts.from(System.getenv());
    } catch (IllegalArgumentException e) {
      throw new EngineUnavailable(String.valueOf(config.getDockerHost()), e.getMessage());
    }
    return connect(config, timeouts);
  }

  /**
   * Connects to {@code host} ({@code unix:///...} or {@code tcp://host:2376}); with
   * {@code certPath} non-null, TLS with the {@code ca.pem}/{@code cert.pem}/{@code key.pem} there.
   */
  public static DockerJavaEngine connect(String host, String certPath) {
    return connect(host, certPath, EngineTimeouts.DEFAULT);
  }

  /** As {@link #connect(String, String)}, with explicit timeouts. */
  public static DockerJavaEngine connect(String host, String certPath, EngineTimeouts timeouts) {
    var b = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host);
    b.withDockerTlsVerify(certPath != null);
    if (certPath != null) {
      b.withDockerCertPath(certPath);
    }
    return connect(b.build(), timeouts);
  }

  /**
   * Connects to {@code host} ({@code tcp://prod.example:2376}) with mutual TLS from PEM files of
   * any name, and pings. A handshake failure is one line saying which side rejected which
   * certificate ({@link TlsErrors}).
   */
  public static DockerJavaEngine connectTls(String host, io.slipway.engine.TlsFiles tls,
      EngineTimeouts timeouts) {
    var b = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
        .withDockerTlsVerify(tls != null);
    if (tls != null) {
      b.withCustomSslConfig(new PemSslConfig(tls));
    }
    return connect(b.build(), timeouts, tls);
  }

  private static DockerJavaEngine connect(DockerClientConfig config, EngineTimeouts timeouts) {
    return connect(config, timeouts, null);
  }

  private static DockerJavaEngine connect(DockerClientConfig config, EngineTimeouts timeouts,
      io.slipway.engine.TlsFiles tls) {
    DockerJavaEngine engine;
    try {
      engine = new DockerJavaEngine(config, timeouts);
      engine.tls = tls;
    } catch (RuntimeException e) {
      String why = e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("TLS: ")
          ? e.getMessage() : DockerErrors.rootMessage(e);
      throw new EngineUnavailable(String.valueOf(config.getDockerHost()), why);
    }
    try {
      engine.ping();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public void ping() {
    calls.run("ping", calls.timeouts().ping(), () -> {
      try {
        return client.pingCmd().exec();
      } catch (RuntimeException e) {
        io.slipway.engine.TlsFiles t = tls;
        throw new EngineUnavailable(address, t == null ? DockerErrors.rootMessage(e) : TlsErrors.describe(e, t));
      }
    });
  }

  @Override
  public io.slipway.engine.SwarmOps swarm() {
    return swarm;
  }

  /** Runs a request within the call timeout, translating docker-java failures. */
  private <T> T op(String what, Supplier<T> body) {
    return call(what, calls.timeouts().call(), body);
  }

  /** Runs a long-running stream: no deadline, but it ends when the caller is interrupted. */
  private <T> T stream(String what, Supplier<T> body) {
    return call(what, null, body);
  }

  private <T> T call(String what, Duration limit, Supplier<T> body) {
    return calls.run(what, limit, () -> {
      try {
        return body.get();
      } catch (RuntimeException e) {
        if (DockerErrors.interrupted(e)) {
          throw new EngineException(what + ": interrupted", e);
        }
        throw DockerErrors.translate(address, what, e);
      }
    });
  }

  private void run(String what, Runnable body) {
    op(what, () -> {
      body.run();
      return null;
    });
  }

  private void runStream(String what, Runnable body) {
    stream(what, () -> {
      body.run();
      return null;
    });
  }

  @Override
  public ImageInfo build(BuildSpec spec, OutputSink output) {
    return stream("build " + spec.context(), () -> images.build(spec, output));
  }

  @Override
  public Optional<ImageInfo> inspectImage(String ref) {
    return op("inspect image " + ref, () -> images.inspect(ref));
  }

  @Override
  public List<ImageInfo> listImages(Map<String, String> labels) {
    return op("list images", () -> images.list(labels));
  }

  @Override
  public void pull(String ref, RegistryAuth auth, OutputSink progress) {
    runStream("pull " + ref, () -> images.pull(ref, auth, progress));
  }

  @Override
  public void push(String ref, RegistryAuth auth, OutputSink progress) {
    runStream("push " + ref, () -> images.push(ref, auth, progress));
  }

  @Override
  public void tag(String source, String target) {
    run("tag " + source + " as " + target, () -> images.tag(source, target));
  }

  @Override
  public void removeImage(String ref, boolean force) {
    run("remove image " + ref, () -> images.remove(ref, force));
  }

  @Override
  public void saveImages(List<String> refs, OutputStream out) {
    runStream("save " + String.join(" ", refs), () -> images.save(refs, out));
  }

  @Override
  public void loadImages(InputStream tar) {
    runStream("load images", () -> client.loadImageCmd(tar).exec());
  }

  @Override
  public String importImage(InputStream tar, String ref) {
    return stream("import " + ref, () -> containers.importImage(tar, ref));
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return op("create container from " + spec.image(), () -> containers.create(spec));
  }

  @Override
  public void startContainer(String id) {
    run("start container " + id, () -> client.startContainerCmd(id).exec());
  }

  @Override
  public void renameContainer(String id, String newName) {
    run("rename container " + id, () -> client.renameContainerCmd(id).withName(newName).exec());
  }

  @Override
  public void stopContainer(String id, Duration timeout) {
    call("stop container " + id, calls.timeouts().call().plus(timeout), () -> {
      containers.stop(id, timeout);
      return null;
    });
  }

  @Override
  public void killContainer(String id, String signal) {
    run("kill container " + id, () -> containers.kill(id, signal));
  }

  @Override
  public void pauseContainer(String id) {
    run("pause container " + id, () -> containers.pause(id));
  }

  @Override
  public void unpauseContainer(String id) {
    run("unpause container " + id, () -> containers.unpause(id));
  }

  @Override
  public void removeContainer(String id, boolean force) {
    run("remove container " + id, () -> containers.remove(id, force));
  }

  @Override
  public int waitContainer(String id, Duration timeout) {
    return stream("wait for container " + id, () -> containers.await(id, timeout));
  }

  @Override
  public Optional<ContainerInfo> inspectContainer(String idOrName) {
    return op("inspect container " + idOrName, () -> containers.inspect(idOrName));
  }

  @Override
  public List<ContainerInfo> listContainers(Map<String, String> labels) {
    return op("list containers", () -> containers.list(labels));
  }

  @Override
  public List<ContainerInfo> listContainersBrief(Map<String, String> labels) {
    return op("list containers", () -> containers.listBrief(labels));
  }

  @Override
  public List<LogLine> logs(String id, int tail) {
    return op("logs of " + id, () -> containers.logs(id, tail));
  }

  @Override
  public Subscription followLogs(String id, int tail, OutputSink sink, Runnable onEnd) {
    return stream("follow logs of " + id, () -> containers.follow(id, tail, sink, onEnd));
  }

  @Override
  public int exec(String id, ExecSpec spec, OutputSink output) {
    String what = "exec in " + id;
    String execId = op(what, () -> containers.createExec(id, spec, false));
    runStream(what, () -> containers.startExec(execId, output));
    return op(what, () -> containers.execExitCode(execId));
  }

  @Override
  public io.slipway.engine.Attachment attach(String id, OutputSink output) {
    return stream("attach to " + id, () -> containers.attach(id, output));
  }

  @Override
  public io.slipway.engine.Attachment execAttached(String id, ExecSpec spec, OutputSink output) {
    String what = "exec in " + id;
    String execId = op(what, () -> containers.createExec(id, spec, true));
    return stream(what, () -> containers.startAttached(execId, output));
  }

  @Override
  public void copyTo(String id, String containerDir, InputStream tar) {
    runStream("copy to " + id + ":" + containerDir, () -> client.copyArchiveToContainerCmd(id)
        .withTarInputStream(tar).withRemotePath(containerDir).exec());
  }

  @Override
  public InputStream copyFrom(String id, String containerPath) {
    return stream("copy from " + id + ":" + containerPath,
        () -> client.copyArchiveFromContainerCmd(id, containerPath).exec());
  }

  @Override
  public void exportContainer(String id, OutputStream out) {
    runStream("export container " + id, () -> containers.export(id, out));
  }

  @Override
  public String createNetwork(NetworkSpec spec) {
    return op("create network " + spec.name(), () -> networks.create(spec));
  }

  @Override
  public void connectNetwork(String network, String container, List<String> aliases) {
    run("connect " + container + " to " + network, () -> networks.connect(network, container, aliases));
  }

  @Override
  public void disconnectNetwork(String network, String container) {
    run("disconnect " + container + " from " + network, () -> networks.disconnect(network, container));
  }

  @Override
  public void removeNetwork(String idOrName) {
    run("remove network " + idOrName, () -> networks.remove(idOrName));
  }

  @Override
  public Optional<NetworkInfo> inspectNetwork(String idOrName) {
    return op("inspect network " + idOrName, () -> networks.inspect(idOrName));
  }

  @Override
  public List<NetworkInfo> listNetworks(Map<String, String> labels) {
    return op("list networks", () -> networks.list(labels));
  }

  @Override
  public String createVolume(VolumeSpec spec) {
    return op("create volume " + spec.name(), () -> networks.createVolume(spec));
  }

  @Override
  public void removeVolume(String name) {
    run("remove volume " + name, () -> networks.removeVolume(name));
  }

  @Override
  public List<VolumeInfo> listVolumes(Map<String, String> labels) {
    return op("list volumes", () -> networks.listVolumes(labels));
  }

  @Override
  public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
    return stream("events", () -> networks.events(labels, sink));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      // closing a broken connection has nothing left to release
    } finally {
      calls.close();
    }
  }

  /** Wraps an IOException of a stream copy as an engine failure. */
  static EngineException io(String what, IOException e) {
    return new EngineException(what + ": " + e.getMessage(), e);
  }
}
