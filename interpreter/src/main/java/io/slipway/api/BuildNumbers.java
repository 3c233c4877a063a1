package io.slipway.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The per-pipeline build counter in {@code .slipway/builds/<pipeline>} beside the pipeline file.
 * Incremented under an exclusive file lock (other processes) and this class's monitor (other
 * threads of this JVM, which a file lock does not exclude), so concurrent runs get distinct
 * numbers.
 */
final class BuildNumbers {
  private BuildNumbers() {}

  /** Increments and returns the counter. */
  @SuppressWarnings("try") // the lock is held for the block, never read
  static synchronized long next(Path dir, String pipeline) throws IOException {
    Path file = file(dir, pipeline);
    Files.createDirectories(file.getParent());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      long n = read(ch) + 1;
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((n + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(true);
      return n;
    }
  }

  /** The number the next run will get, without taking it ({@code slipway plan}). */
  static synchronized long peek(Path dir, String pipeline) throws IOException {
    Path file = file(dir, pipeline);
    if (!Files.exists(file)) {
      return 1;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch) + 1;
    }
  }

  private static long read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(64);
    ch.read(buf, 0);
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Path file(Path dir, String pipeline) {
    String safe = pipeline.replaceAll("[^A-Za-z0-9._-]", "_");
    return dir.resolve(".slipway").resolve("builds").resolve(safe.isEmpty() ? "pipeline" : safe);
  }
}
