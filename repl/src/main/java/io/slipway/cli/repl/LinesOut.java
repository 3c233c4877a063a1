package io.slipway.cli.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands on whole lines: a view written for a stream (the CI view) can
 * so print through jline's {@code printAbove}, which keeps the prompt and what is typed intact.
 */
final class LinesOut extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LinesOut(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      String line = pending.toString(StandardCharsets.UTF_8);
      pending.reset();
      lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    } else {
      pending.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void flush() {
    // partial lines wait for their newline: printing them above the prompt would split them
  }
}
