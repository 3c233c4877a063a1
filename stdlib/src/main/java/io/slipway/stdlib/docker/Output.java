package io.slipway.stdlib.docker;

import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.OutputSink;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.SecretMasker;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where the output of a build, an exec or a container goes: split into lines (so a secret split
 * across chunks is whole again), masked, sent as {@link Event.Log} events of the stage unless
 * quiet, and collected byte for byte for the {@code ExecResult}.
 */
final class Output {
  private final EventSink events;
  private final SecretMasker masker;
  private final String stage;
  private final boolean quiet;
  // bounded: a step printing gigabytes keeps only a tail for its value (the log has it all)
  private final io.slipway.engine.CappedBuffer stdout = io.slipway.engine.CappedBuffer.configured();
  private final io.slipway.engine.CappedBuffer stderr = io.slipway.engine.CappedBuffer.configured();
  private final Deque<String> last = new ArrayDeque<>();
  private final LineSplitter splitter = new LineSplitter(this::line);

  Output(EventSink events, SecretMasker masker, String stage, boolean quiet) {
    this.events = events;
    this.masker = masker;
    this.stage = stage;
    this.quiet = quiet;
  }

  /** The raw-chunk side, for the engine: kept byte for byte, and split into lines. */
  OutputSink sink() {
    return (stream, chunk) -> {
      synchronized (this) {
        (stream == LogLine.Stream.STDERR ? stderr : stdout).write(chunk);
      }
      splitter.write(stream, chunk);
    };
  }

  /** A line of Slipway's own ("pulling x"), shown as INFO. */
  void info(String text) {
    events.emit(new Event.Log(Instant.now(), stage, Event.Stream.INFO, mask(text)));
  }

  private synchronized void line(LogLine l) {
    String text = mask(l.text());
    last.addLast(text);
    if (last.size() > 20) {
      last.removeFirst();
    }
    if (!quiet) {
      events.emit(new Event.Log(Instant.now(), stage,
          l.stream() == LogLine.Stream.STDERR ? Event.Stream.STDERR : Event.Stream.STDOUT, text));
    }
  }

  /** Ends the output: a last line without newline is emitted. */
  void finish() {
    splitter.flush();
  }

  synchronized String stdout() {
    return stdout.text();
  }

  synchronized String stderr() {
    return stderr.text();
  }

  /** The last lines seen (masked), for error messages. */
  synchronized List<String> lastLines() {
    return new ArrayList<>(last);
  }

  String mask(String text) {
    return masker.mask(text);
  }
}
