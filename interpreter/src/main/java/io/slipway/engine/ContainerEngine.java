package io.slipway.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container engine as Slipway sees it: a narrow interface owned by Slipway, so that the
 * interpreter never sees docker-java and tests can use a fake. Every Docker call goes through
 * here. Implementations are thread-safe (parallel stages share one engine).
 *
 * <p>Failures are {@link EngineException}s ({@link NotFound} for a missing object,
 * {@link EngineUnavailable} when nothing answers). Streaming operations deliver raw chunks to an
 * {@link OutputSink} on the caller's thread or the engine's reader thread, never both at once.
 * Labels are the caller's business: the engine stores what it is given.
 */
public interface ContainerEngine extends AutoCloseable {
  /** A human-readable address of the engine, e.g. {@code unix:///var/run/docker.sock}. */
  String address();

  /** Checks that the engine answers; throws {@link EngineUnavailable} if not. */
  void ping();

  // ---- images

  /** Builds an image, streaming the build output; returns the built image. */
  ImageInfo build(BuildSpec spec, OutputSink output);

  /** The image a reference names, if present locally. */
  Optional<ImageInfo> inspectImage(String ref);

  /** Images carrying every given label. */
  List<ImageInfo> listImages(Map<String, String> labels);

  /** Pulls {@code ref} (a missing tag means {@code latest}); {@code auth} may be null. */
  void pull(String ref, RegistryAuth auth, OutputSink progress);

  /** Pushes {@code ref} to the registry its name points at; {@code auth} may be null. */
  void push(String ref, RegistryAuth auth, OutputSink progress);

  /** Adds the reference {@code target} to the image {@code source} names. */
  void tag(String source, String target);

  /** Removes an image reference (and the image once no reference is left). */
  void removeImage(String ref, boolean force);

  /** Writes {@code docker save} of the references as a tar stream. */
  void saveImages(List<String> refs, OutputStream out);

  /** Loads images from a {@code docker save} tar stream. */
  void loadImages(InputStream tar);

  /** Creates an image from a file-system tar ({@code docker import}); returns the image id. */
  String importImage(InputStream tar, String ref);

  // ---- containers

  /** Creates (does not start) a container; returns its id. */
  String createContainer(ContainerSpec spec);

  void startContainer(String id);

  /** SIGTERM, then SIGKILL after {@code timeout}. Stopping a stopped container is not an error. */
  void stopContainer(String id, Duration timeout);

  /** Renames a container ({@code docker rename}); its network aliases stay as they are. */
  void renameContainer(String id, String newName);

  /** Sends a signal ({@code KILL}, {@code TERM}, ...). */
  void killContainer(String id, String signal);

  /**
   * Freezes every process of a running container ({@code docker pause}). Default: unsupported,
   * so that decorators and fakes written before it still compile; real engines override it.
   */
  default void pauseContainer(String id) {
    throw new EngineException("this engine cannot pause containers");
  }

  /** Thaws a paused container ({@code docker unpause}). */
  default void unpauseContainer(String id) {
    throw new EngineException("this engine cannot unpause containers");
  }

  /** Removes a container; a missing one is not an error. */
  void removeContainer(String id, boolean force);

  /** Waits until the container exits and returns its exit code; throws on timeout. */
  int waitContainer(String id, Duration timeout);

  Optional<ContainerInfo> inspectContainer(String idOrName);

  /** Containers (running or not) carrying every given label. */
  List<ContainerInfo> listContainers(Map<String, String> labels);

  /**
   * As {@link #listContainers}, from the engine's list alone, for callers that need a container's
   * identity, labels and whether it runs, not the details only an inspection gives: each state
   * has the status and running flag, and the exit code and health as the list shows them, but
   * never {@code oomKilled} nor an {@code error}. One round trip, where a full listing inspects
   * every container.
   */
  default List<ContainerInfo> listContainersBrief(Map<String, String> labels) {
    return listContainers(labels);
  }

  /** The last {@code tail} lines of output (all when {@code tail} is negative). */
  List<LogLine> logs(String id, int tail);

  /** Streams output, from the last {@code tail} lines on, until closed or the container ends. */
  Subscription followLogs(String id, int tail, OutputSink sink, Runnable onEnd);

  /** Runs a process in a running container, streaming its output; returns its exit code. */
  int exec(String id, ExecSpec spec, OutputSink output);

  /**
   * Attaches to the main process of a container created with {@code stdinOpen}: what is written
   * to the returned stdin reaches the process, its output streams to {@code output} until the
   * attachment is closed or the process ends.
   */
  Attachment attach(String id, OutputSink output);

  /**
   * Starts a process in a running container with its stdin attached (a long-lived shell);
   * closing the attachment closes its stdin.
   */
  Attachment execAttached(String id, ExecSpec spec, OutputSink output);

  /** Extracts a tar stream into directory {@code containerDir} of the container. */
  void copyTo(String id, String containerDir, InputStream tar);

  /** A tar stream of {@code containerPath} (file or directory); the caller closes it. */
  InputStream copyFrom(String id, String containerPath);

  /** Writes the container's file system as a tar stream ({@code docker export}). */
  void exportContainer(String id, OutputStream out);

  // ---- networks and volumes

  /** Creates a network; returns its id. */
  String createNetwork(NetworkSpec spec);

  /** Joins a container to a network under extra DNS {@code aliases}. */
  void connectNetwork(String network, String container, List<String> aliases);

  void disconnectNetwork(String network, String container);

  /** Removes a network; a missing one is not an error. */
  void removeNetwork(String idOrName);

  Optional<NetworkInfo> inspectNetwork(String idOrName);

  List<NetworkInfo> listNetworks(Map<String, String> labels);

  /** Creates a volume; returns its name. */
  String createVolume(VolumeSpec spec);

  /** Removes a volume; a missing one is not an error. */
  void removeVolume(String name);

  List<VolumeInfo> listVolumes(Map<String, String> labels);

  // ---- events

  /** Streams engine events for objects carrying every given label, until closed. */
  Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink);

  // ---- swarm

  /**
   * The Docker Swarm services of this engine. Engines without swarm support fail with an
   * {@link EngineException} saying so.
   */
  default SwarmOps swarm() {
    throw new EngineException("the engine at " + address() + " does not support Docker Swarm services");
  }

  @Override
  void close();
}
