package io.slipway.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The run's journal of what it created that carries no run label: image references (the tags
 * a pipeline gives, and the run's own hold references) with the image id each pointed to, and
 * what the run kept. Images carry no run metadata (the same source built twice gives the same
 * image id, and a pushed image is reproducible), so this file is how the run's cleanup and
 * {@code slipway gc} know which references are the run's and may be removed: only one that
 * still points to the image the run created.
 *
 * <p>It also names the engines other than the default one that the run used ({@link
 * #engine}), so that {@code gc} reaches the run's labelled resources there too.
 *
 * <p>One file per run, {@code <dir>/<run id>.journal}, appended line by line (tab-separated;
 * {@link JournalFile} reads it) before or as the engine creates each reference, so that a run
 * killed with {@code kill -9} leaves a journal {@code gc} can finish. {@link #close()} deletes
 * the file when nothing in it is left to collect. The file is created on the first entry: a run
 * that creates no image never writes one.
 */
public final class RunJournal implements AutoCloseable {
  /** Overrides where journals live (a directory); else {@code $XDG_STATE_HOME/slipway/runs}. */
  public static final String DIRECTORY_VARIABLE = "SLIPWAY_STATE_DIR";

  private final Path file;
  private final RunLabels labels;
  private final JournalFile state;
  private FileChannel out;
  private boolean closed;
  private final java.util.Set<String> retained = new java.util.HashSet<>();

  public RunJournal(Path directory, RunLabels labels) {
    this.file = directory.resolve(fileName(labels.runId()));
    this.labels = labels;
    this.state = new JournalFile(file);
  }

  /**
   * Where journals live: {@code $SLIPWAY_STATE_DIR/runs}, else {@code $XDG_STATE_HOME/slipway/runs},
   * else {@code ~/.local/state/slipway/runs}.
   */
  public static Path defaultDirectory(Map<String, String> environment) {
    String own = environment.get(DIRECTORY_VARIABLE);
    if (own != null && !own.isBlank()) {
      return Path.of(own).resolve("runs");
    }
    String xdg = environment.get("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("slipway").resolve("runs");
  }

  static String fileName(String runId) {
    return runId.replaceAll("[^A-Za-z0-9_.-]", "_") + JournalFile.SUFFIX;
  }

  public Path file() {
    return file;
  }

  /**
   * Records that the run is about to create (or has created) {@code ref} on {@code engine},
   * pointing to {@code imageId} (null while not known yet, e.g. before a build finishes).
   */
  public void image(String engine, String ref, String imageId) {
    append(JournalFile.IMAGE, engine, ref, imageId == null ? JournalFile.UNKNOWN : imageId);
  }

  /** The run keeps {@code ref} (pushed, or kept by the pipeline): nobody removes it. */
  public void kept(String engine, String ref) {
    append(JournalFile.KEPT, engine, ref);
  }

  /** The run removed {@code ref} (or found it pointing elsewhere and left it). */
  public void removed(String engine, String ref) {
    append(JournalFile.REMOVED, engine, ref);
  }

  /**
   * Records that the run uses {@code address} (an engine other than the default one), before it
   * creates anything there, so that {@code slipway gc} knows to look for the run's resources on
   * it. For a TLS engine, the paths of its PEM files (never their contents). Once per address.
   */
  public void engine(String address, TlsFiles tls) {
    synchronized (this) {
      if (state.engines().containsKey(address)) {
        return;
      }
    }
    append(JournalFile.engineLine(address, tls));
  }

  /**
   * Resources of the run remain on {@code address} (an engine this journal names) after the run
   * ended: kept with {@code --keep}, or a removal that failed. The journal then stays when the
   * run ends, even with nothing else to collect, so that {@code slipway gc} connects there and
   * removes them (and then drops the journal).
   */
  public synchronized void retain(String address) {
    if (state.engines().containsKey(address)) {
      retained.add(address);
    }
  }

  /** The run keeps container {@code id} past its end: {@code gc} leaves it alone. */
  public void keptContainer(String engine, String id, String name) {
    append(JournalFile.KEPT_CONTAINER, engine, id, name);
  }

  /** The image id the run recorded for {@code ref}, or null. */
  public synchronized String imageOf(String engine, String ref) {
    return state.imageOf(engine, ref);
  }

  private synchronized void append(String... fields) {
    if (closed) {
      return; // a late entry after the run ended: nothing will read it
    }
    state.apply(fields);
    try {
      if (out == null) {
        Files.createDirectories(file.getParent());
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        write(JournalFile.header(labels));
      }
      write(String.join("\t", fields));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(String line) throws IOException {
    ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /**
   * Ends the journal at the end of the run: the file is deleted when every reference in it was
   * removed or kept, no container was kept and no engine it names holds resources of the run
   * ({@link #retain}); otherwise it stays for {@code slipway gc}.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (out != null) {
        out.close();
        if (state.settled() && retained.isEmpty()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // the file stays; gc reads and removes it
    }
  }
}
