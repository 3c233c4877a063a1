package io.slipway.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns output chunks into whole lines, per stream. Bytes are buffered until a newline so that
 * a multi-byte UTF-8 character or a secret split across two chunks reaches the consumer whole
 * (masking works on lines). A trailing {@code \r} is dropped. A line longer than
 * {@link #MAX_LINE} bytes is passed on in pieces of that size, so output without newlines cannot
 * grow the buffer without bound. Thread-safe.
 */
public final class LineSplitter implements OutputSink {
  private final Map<LogLine.Stream, ByteArrayOutputStream> pending =
      new EnumMap<>(LogLine.Stream.class);
  private final Consumer<LogLine> lines;
  /** The longest line passed on whole (1 MB). */
  public static final int MAX_LINE = 1024 * 1024;

  public LineSplitter(Consumer<LogLine> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(LogLine.Stream stream, byte[] chunk) {
    var buf = pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        buf.write(chunk, start, i - start);
        emit(stream, buf);
        start = i + 1;
      }
    }
    buf.write(chunk, start, chunk.length - start);
    if (buf.size() >= MAX_LINE) {
      emit(stream, buf);
    }
  }

  /** Emits whatever is left without a final newline. Call once the output has ended. */
  public synchronized void flush() {
    for (var e : pending.entrySet()) {
      if (e.getValue().size() > 0) {
        emit(e.getKey(), e.getValue());
      }
    }
  }

  private void emit(LogLine.Stream stream, ByteArrayOutputStream buf) {
    String text = buf.toString(StandardCharsets.UTF_8);
    buf.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    lines.accept(new LogLine(stream, text));
  }
}
