package io.slipway.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link RunJournal} says, read back: the run, its owner (as in
 * {@link RunLabels#OWNER}), each image reference with the image id it was created for and
 * whether it is still to be removed, and the containers the run kept. Later lines override
 * earlier ones for the same reference; malformed lines (a run killed mid-write) are skipped.
 */
public final class JournalFile {
  static final String MAGIC = "slipway-journal 1";
  static final String SUFFIX = ".journal";
  static final String IMAGE = "image";
  static final String KEPT = "kept";
  static final String REMOVED = "removed";
  static final String KEPT_CONTAINER = "kept-container";
  static final String ENGINE = "engine";
  static final String UNKNOWN = "-";

  /** Where an image reference stands. */
  public enum Status {
    /** Created by the run and not yet removed: {@code gc} removes it if it still points to {@code imageId}. */
    PENDING,
    REMOVED,
    KEPT
  }

  /**
   * An engine the run used besides the default one: its address and, for mutual TLS, the paths
   * of the CA, client certificate and key files (null without TLS).
   */
  public record Engine(String address, TlsFiles tls) {}

  /** An image reference the run created; {@code imageId} is null when the run died before knowing it. */
  public record Entry(String engine, String ref, String imageId, Status status) {}

  private final Path path;
  private String runId;
  private String pipeline;
  private String owner;
  private final Map<String, Entry> images = new LinkedHashMap<>();
  private final Map<String, String> keptContainers = new LinkedHashMap<>();
  private final Map<String, Engine> engines = new LinkedHashMap<>();

  JournalFile(Path path) {
    this.path = path;
  }

  static String header(RunLabels labels) {
    return String.join("\t", MAGIC, labels.runId(), labels.pipeline(), labels.owner());
  }

  /** Reads a journal; a file that is not one has no owner and no entries. */
  public static JournalFile read(Path path) throws IOException {
    var j = new JournalFile(path);
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return j;
    }
    String[] head = lines.get(0).split("\t", -1);
    if (head.length != 4 || !head[0].equals(MAGIC)) {
      return j;
    }
    j.runId = head[1];
    j.pipeline = head[2];
    j.owner = head[3];
    for (String line : lines.subList(1, lines.size())) {
      j.apply(line.split("\t", -1));
    }
    return j;
  }

  /** The journals in {@code dir}, oldest first; none when it does not exist. */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  void apply(String[] f) {
    switch (f[0]) {
      case IMAGE -> {
        if (f.length == 4) {
          images.put(key(f[1], f[2]), new Entry(f[1], f[2], f[3].equals(UNKNOWN) ? null : f[3], Status.PENDING));
        }
      }
      case KEPT, REMOVED -> {
        Entry e = f.length == 3 ? images.get(key(f[1], f[2])) : null;
        if (e != null) {
          images.put(key(f[1], f[2]), new Entry(e.engine(), e.ref(), e.imageId(),
              f[0].equals(KEPT) ? Status.KEPT : Status.REMOVED));
        }
      }
      case ENGINE -> {
        if (f.length == 5) {
          TlsFiles tls = f[2].equals(UNKNOWN) ? null
              : new TlsFiles(java.nio.file.Path.of(f[2]), java.nio.file.Path.of(f[3]), java.nio.file.Path.of(f[4]));
          engines.put(f[1], new Engine(f[1], tls));
        }
      }
      case KEPT_CONTAINER -> {
        if (f.length == 4) {
          keptContainers.put(key(f[1], f[2]), f[3]);
        }
      }
      default -> {
        // an entry of a newer or broken journal: skipped
      }
    }
  }

  /** The journal line naming an engine (paths absolute; {@code -} for no TLS). */
  static String[] engineLine(String address, TlsFiles tls) {
    if (tls == null) {
      return new String[] {ENGINE, address, UNKNOWN, UNKNOWN, UNKNOWN};
    }
    return new String[] {ENGINE, address, tls.ca().toAbsolutePath().toString(),
        tls.cert().toAbsolutePath().toString(), tls.key().toAbsolutePath().toString()};
  }

  /** The engines besides the default one that the run used, by address. */
  public Map<String, Engine> engines() {
    return java.util.Collections.unmodifiableMap(engines);
  }

  private static String key(String engine, String id) {
    return engine + "\t" + id;
  }

  public Path path() {
    return path;
  }

  /** The run id, or null when the file is not a journal. */
  public String runId() {
    return runId;
  }

  public String pipeline() {
    return pipeline;
  }

  /** {@code <host> <pid> <process start>} of the process that wrote it, or null. */
  public String owner() {
    return owner;
  }

  public List<Entry> images() {
    return new ArrayList<>(images.values());
  }

  /** The image id recorded for {@code ref} on {@code engine}, or null. */
  public String imageOf(String engine, String ref) {
    Entry e = images.get(key(engine, ref));
    return e == null ? null : e.imageId();
  }

  /** Ids of the containers the run kept on {@code engine}. */
  public List<String> keptContainers(String engine) {
    return keptContainers.keySet().stream().filter(k -> k.startsWith(engine + "\t"))
        .map(k -> k.substring(engine.length() + 1)).toList();
  }

  /** True when nothing is left to collect: no pending reference and no kept container. */
  public boolean settled() {
    return keptContainers.isEmpty() && images.values().stream().noneMatch(e -> e.status() == Status.PENDING);
  }
}
