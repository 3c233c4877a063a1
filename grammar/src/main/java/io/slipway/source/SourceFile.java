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

  /** Reads a UTF-8 file; malformed UTF-8 is reported as an {@link IOException}. */
  public static SourceFile read(Path path, String displayName) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
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
