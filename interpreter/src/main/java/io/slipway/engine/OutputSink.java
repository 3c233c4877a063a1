package io.slipway.engine;

/**
 * Receives raw output as the engine delivers it: chunks, not lines (a line may be split across
 * chunks and a chunk may hold many lines). {@link LineSplitter} turns chunks into lines. Called
 * from the engine's reader thread.
 */
@FunctionalInterface
public interface OutputSink {
  void write(LogLine.Stream stream, byte[] chunk);

  /** Discards output. */
  OutputSink NONE = (s, c) -> {};
}
