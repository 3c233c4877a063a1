package io.slipway.engine;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every container, network and volume a run creates carries, and how user-given
 * names are scoped to the run. Images carry none (so that builds are reproducible): the run
 * tracks them through its {@link RunJournal} and holds them with {@link #holdRef(int)}.
 * {@code io.slipway.owner} ({@code <host> <pid> <process start>}) identifies the process that
 * owns a resource, so that {@link GarbageCollector} can tell a live run from a killed one (the
 * journal's header carries the same owner).
 *
 * <p>Names: a container named {@code books-db} by a pipeline is created as
 * {@code books-db-<run8>} (8 hex digits derived from the run id) and joins its networks with the
 * alias {@code books-db}, so DNS inside the run sees the user's name while two runs of the same
 * pipeline never collide. Networks and volumes are scoped the same way.
 */
public record RunLabels(String runId, String pipeline, long pid, String host, String started) {
  public static final String MANAGED = "io.slipway.managed";
  public static final String RUN = "io.slipway.run";
  public static final String PIPELINE = "io.slipway.pipeline";
  public static final String OWNER = "io.slipway.owner";
  public static final String STAGE = "io.slipway.stage";

  /** Labels for a run owned by this JVM process. */
  public static RunLabels forCurrentProcess(String runId, String pipeline) {
    ProcessHandle self = ProcessHandle.current();
    return new RunLabels(runId, pipeline, self.pid(), hostName(),
        self.info().startInstant().map(Object::toString).orElse(""));
  }

  /** This machine's name, looked up once per process (the lookup may take a while). */
  public static String hostName() {
    String h = localHost;
    if (h == null) {
      try {
        h = InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        h = "localhost";
      }
      localHost = h;
    }
    return h;
  }

  private static volatile String localHost;

  /** Every label of the run, for a created resource. */
  public Map<String, String> labels() {
    var m = new LinkedHashMap<String, String>();
    m.put(MANAGED, "true");
    m.put(RUN, runId);
    m.put(PIPELINE, pipeline);
    m.put(OWNER, owner());
    return m;
  }

  /** {@code <host> <pid> <process start>}. */
  public String owner() {
    return host + " " + pid + " " + started;
  }

  /** The owner label split back into host, pid and start; null parts when malformed. */
  public static String[] parseOwner(String owner) {
    String[] parts = owner == null ? new String[0] : owner.split(" ", 3);
    return new String[] {parts.length > 0 ? parts[0] : null, parts.length > 1 ? parts[1] : null,
        parts.length > 2 ? parts[2] : ""};
  }

  /** The label filter selecting exactly this run's resources. */
  public Map<String, String> selector() {
    return Map.of(RUN, runId);
  }

  /**
   * The short run suffix used in names: 8 hex digits of the run id's SHA-256, so any run id
   * format gives a name-safe suffix that differs between runs.
   */
  public String suffix() {
    return suffixOf(runId);
  }

  private static String suffixOf(String runId) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256")
          .digest(runId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The repository of the run's hold references ({@code slipway-run/<run8>}): every image the
   * run builds, tags, pulls or imports also gets a reference {@code slipway-run/<run8>:<n>} of
   * its own, so that another run removing a tag that points to the same image (same source,
   * same id) can never delete it while this run still uses it. Never pushed (no registry).
   */
  public static String holdRepository(String runId) {
    return "slipway-run/" + suffixOf(runId);
  }

  /** The run's {@code n}th hold reference. */
  public String holdRef(int n) {
    return holdRepository(runId) + ":" + n;
  }

  /** The engine name for a user-given container, network or volume name. */
  public String scoped(String userName) {
    return userName + "-" + suffix();
  }
}
