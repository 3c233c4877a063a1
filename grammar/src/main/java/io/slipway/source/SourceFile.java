package io.slipway.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one Slipway source file, with line starts computed once so that positions are
 * derived on demand (as Starlark's {@code FileLocations} does).
 *
 * @param name the name shown in diagnostics (a path relative to the working directory)
 * @param path where the file lives, or {@code null} for snippets typed into the REPL
 */
public record SourceFile(String name, Path path, String text, int[] lineStarts) {

  public SourceFile {
    lineStarts = lineStarts.clone();
  }

  /** Builds a source file from text already in memory. */
  public static SourceFile of(String name, String text) {
    return new SourceFile(name, null, text, computeLineStarts(text));
  }

  /**
   * The largest source file read, in bytes: far beyond any real pipeline or library, and small
   * enough that a mistaken {@code slipway check} of a huge file is refused instead of filling
   * the heap.
   */
  public static final int MAX_BYTES = 8 << 20;

  /**
   * Reads a UTF-8 source file. Reported as an {@link IOException} with a sentence for the user:
   * not a regular file (a FIFO or a device would block or never end), larger than
   * {@link #MAX_BYTES}, not text (a NUL byte: no source holds one, a binary or
   * {@code /proc/self/environ} does, and its lines must not end up in a diagnostic), malformed
   * UTF-8.
   */
  public static SourceFile read(Path path, String displayName) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(Files.exists(path) ? "not a regular file" : "no such file");
    }
    byte[] bytes;
    try (var in = Files.newInputStream(path)) {
      // bounded even when the size on disk is wrong (/proc files say 0) or the file grows
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      long size = Files.size(path);
      throw new IOException("the file is " + (size > MAX_BYTES ? megabytes(size) : "over "
          + megabytes(MAX_BYTES)) + "; source files are limited to " + megabytes(MAX_BYTES));
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new IOException("not a text file (it contains NUL bytes)");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(displayName + ": not valid UTF-8 text", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new SourceFile(displayName, path, text, computeLineStarts(text));
  }

  private static String megabytes(long bytes) {
    return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : (bytes + (1 << 20) - 1 >> 20) + " MB";
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** 1-based line of a UTF-16 offset. */
  public int line(int offset) {
    int idx = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
    return idx >= 0 ? idx + 1 : -idx - 1;
  }

  /**
   * 1-based column of an offset, counted in Unicode code points so that a non-ASCII character
   * (an emoji, an accented letter) counts once, as editors show it.
   */
  public int column(int offset) {
    int clamped = Math.min(Math.max(offset, 0), text.length());
    int start = lineStarts[line(clamped) - 1];
    return text.codePointCount(start, clamped) + 1;
  }

  /** The text of a 1-based line, without its line terminator. */
  public String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text a span covers. */
  public String slice(Span span) {
    return text.substring(Math.min(span.start(), text.length()), Math.min(span.end(), text.length()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile s && s.name.equals(name) && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return "SourceFile[" + name + "]";
  }
}
