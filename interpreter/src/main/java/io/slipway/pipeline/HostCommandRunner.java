package io.slipway.pipeline;

import io.slipway.engine.CappedBuffer;
import io.slipway.run.Event;
import io.slipway.value.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs commands on the host with {@link ProcessBuilder}: the process environment plus the
 * command's variables, in the command's directory. Output is read by two virtual threads and
 * streamed line by line. When interrupted, the process and its descendants are killed.
 */
public final class HostCommandRunner implements CommandRunner {
  private final Map<String, String> baseEnv;

  /** @param baseEnv the environment commands inherit (normally {@code System.getenv()}) */
  public HostCommandRunner(Map<String, String> baseEnv) {
    this.baseEnv = Map.copyOf(baseEnv);
  }

  @Override
  public ExecResult run(Command command, OutputSink output) throws InterruptedException {
    long start = System.nanoTime();
    var pb = new ProcessBuilder(command.commandLine());
    if (command.workdir() != null) {
      pb.directory(command.workdir().toFile());
    }
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    pb.environment().putAll(command.env());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new ExecResult(127, "", "cannot start `" + command.display() + "`: "
          + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
    }
    // the values keep a capped tail; the log gets every line (a step may print gigabytes)
    var out = CappedBuffer.configured();
    var err = CappedBuffer.configured();
    var killed = new java.util.concurrent.atomic.AtomicBoolean();
    OutputSink live = (stream, line) -> {
      if (!killed.get()) {
        output.line(stream, line);
      }
    };
    Thread t1 = pump(p.getInputStream(), Event.Stream.STDOUT, out, live);
    Thread t2 = pump(p.getErrorStream(), Event.Stream.STDERR, err, live);
    try {
      int code = p.waitFor();
      t1.join();
      t2.join();
      return new ExecResult(code, out.text(), err.text(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      // the shell first, so that it cannot report its children's deaths ("Killed")
      killed.set(true);
      var children = p.descendants().toList();
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      throw e;
    }
  }

  /**
   * Copies a stream into {@code into} exactly as written (so {@code stdout} keeps or lacks its
   * final newline as the command printed it) and hands each complete line to the sink, plus a
   * final unterminated line at the end.
   */
  /** The longest piece of one line handed to the log at once, in characters. */
  private static final int MAX_LINE = 1 << 20;

  private static Thread pump(InputStream in, Event.Stream stream, CappedBuffer into,
      OutputSink output) {
    return Thread.ofVirtual().start(() -> {
      var line = new StringBuilder();
      char[] buf = new char[8192];
      try (var r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        int n;
        while ((n = r.read(buf)) > 0) {
          into.write(new String(buf, 0, n).getBytes(StandardCharsets.UTF_8));
          for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\n') {
              int len = line.length();
              output.line(stream, len > 0 && line.charAt(len - 1) == '\r'
                  ? line.substring(0, len - 1) : line.toString());
              line.setLength(0);
            } else {
              line.append(c);
              if (line.length() >= MAX_LINE) {
                // a line without end (a binary dump) reaches the log in pieces, never whole
                output.line(stream, line.toString());
                line.setLength(0);
              }
            }
          }
        }
      } catch (IOException e) {
        // the process was killed; what was read so far is kept
      }
      if (!line.isEmpty()) {
        output.line(stream, line.toString());
      }
    });
  }
}
