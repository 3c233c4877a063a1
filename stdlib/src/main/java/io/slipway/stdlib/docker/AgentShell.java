package io.slipway.stdlib.docker;

import io.slipway.engine.Attachment;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs an agent's commands through one long-lived {@code sh} (one exec with stdin attached)
 * instead of one {@code docker exec} each: an exec costs three engine round trips, a line on stdin none, which
 * is what makes a stage of many small {@code sh} steps fast.
 *
 * <p>Protocol: each command runs in a subshell with stdin from {@code /dev/null}, then the shell
 * prints a fresh random token and the exit code on stdout, and the token on stderr. Output is
 * passed on as it arrives, holding back only bytes that could be the start of the token. After
 * an interruption the shell may still be busy, so the runner is marked broken and later commands
 * fall back to exec. When the shell's stream ends (the agent container died) the command waiting
 * for its marker, and every later one, fails with {@link Gone} instead of waiting forever.
 */
final class AgentShell implements AutoCloseable {
  private final Attachment attachment;
  private final Object lock = new Object();
  private Pending pending;
  private boolean gone;
  private volatile boolean broken;

  private AgentShell(ContainerEngine engine, String id) {
    this.attachment = engine.execAttached(id, io.slipway.engine.ExecSpec.of(List.of("sh")), this::received);
    attachment.onEnd(this::ended);
  }

  /**
   * The shell's stream ended: the container died, the shell exited or the connection broke. A
   * command waiting for its end marker will never see it: it is abandoned, and so is every later
   * command.
   */
  private void ended() {
    synchronized (lock) {
      gone = true;
      if (pending != null) {
        pending.abandon();
      }
    }
  }

  /**
   * The shell ended before a command finished ({@code sent}) or before it could be sent. The
   * caller finds out why (a dead container) and fails the step.
   */
  static final class Gone extends RuntimeException {
    final boolean sent;

    Gone(boolean sent) {
      super(sent ? "the agent shell ended while the command ran" : "the agent shell had ended", null,
          false, false);
      this.sent = sent;
    }
  }

  static AgentShell open(ContainerEngine engine, String id) {
    return new AgentShell(engine, id);
  }

  boolean usable() {
    return !broken;
  }

  /** The outcome of one command: exit code and exact output bytes. */
  record Outcome(int exitCode, String stdout, String stderr) {}

  /** Runs a command line ({@code argv}) in {@code workdir} with extra {@code env}. */
  Outcome run(List<String> argv, Map<String, String> env, String workdir, Consumer<LogLine> lines)
      throws InterruptedException {
    String token = "__slipway_" + UUID.randomUUID().toString().replace("-", "");
    var p = new Pending(token, new LineSplitter(lines));
    var script = new StringBuilder("( cd ").append(quote(workdir));
    env.forEach((k, v) -> script.append(" && export ").append(k).append('=').append(quote(v)));
    script.append(" && exec");
    argv.forEach(a -> script.append(' ').append(quote(a)));
    script.append(" ) </dev/null; printf '%s %d\\n' ").append(token).append(" \"$?\"; printf '%s\\n' ")
        .append(token).append(" >&2\n");
    synchronized (lock) {
      if (gone) {
        broken = true;
        throw new Gone(false);
      }
      pending = p;
    }
    try {
      attachment.stdin().write(script.toString().getBytes(StandardCharsets.UTF_8));
      attachment.stdin().flush();
    } catch (IOException e) {
      broken = true;
      throw new IllegalStateException("the agent shell is gone: " + e.getMessage());
    }
    try {
      p.done.await();
    } catch (InterruptedException e) {
      broken = true;
      throw e;
    }
    p.splitter.flush();
    if (p.abandoned) {
      broken = true;
      throw new Gone(true);
    }
    return new Outcome(p.exitCode, p.out.raw.text(), p.err.raw.text());
  }

  private void received(LogLine.Stream stream, byte[] chunk) {
    synchronized (lock) {
      if (pending != null) {
        pending.take(stream, chunk);
      }
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Override
  public void close() {
    attachment.close();
  }

  /** One command's streams until both tokens were seen. */
  private static final class Pending {
    final byte[] token;
    final LineSplitter splitter;
    final StreamState out = new StreamState();
    final StreamState err = new StreamState();
    final CountDownLatch done = new CountDownLatch(2);
    int exitCode = -1;
    volatile boolean abandoned;

    /** No end marker will come: wake the waiting command (unless it already finished). */
    void abandon() {
      if (done.getCount() == 0) {
        return;
      }
      abandoned = true;
      while (done.getCount() > 0) {
        done.countDown();
      }
    }

    Pending(String token, LineSplitter splitter) {
      this.token = token.getBytes(StandardCharsets.US_ASCII);
      this.splitter = splitter;
    }

    void take(LogLine.Stream stream, byte[] chunk) {
      StreamState s = stream == LogLine.Stream.STDERR ? err : out;
      if (s.finished) {
        return;
      }
      s.held.writeBytes(chunk);
      byte[] data = s.held.toByteArray();
      int at = indexOf(data, token);
      if (at < 0) {
        // pass on everything except a tail that could be the start of the token
        int keep = partialTokenAtEnd(data, token);
        emit(stream, s, data, 0, data.length - keep);
        s.held.reset();
        s.held.write(data, data.length - keep, keep);
        return;
      }
      int eol = -1;
      for (int i = at + token.length; i < data.length; i++) {
        if (data[i] == '\n') {
          eol = i;
          break;
        }
      }
      if (eol < 0) {
        return; // the rest of the marker line is still to come
      }
      emit(stream, s, data, 0, at);
      if (stream == LogLine.Stream.STDOUT) {
        String code = new String(data, at + token.length, eol - at - token.length, StandardCharsets.US_ASCII).strip();
        exitCode = Integer.parseInt(code);
      }
      s.finished = true;
      done.countDown();
    }

    private void emit(LogLine.Stream stream, StreamState s, byte[] data, int from, int to) {
      if (to > from) {
        byte[] part = java.util.Arrays.copyOfRange(data, from, to);
        s.raw.write(part);
        splitter.write(stream, part);
      }
    }

    /** The length of the longest suffix of {@code data} that is a proper prefix of the token. */
    private static int partialTokenAtEnd(byte[] data, byte[] token) {
      for (int len = Math.min(data.length, token.length - 1); len > 0; len--) {
        boolean match = true;
        for (int j = 0; j < len && match; j++) {
          match = data[data.length - len + j] == token[j];
        }
        if (match) {
          return len;
        }
      }
      return 0;
    }

    private static int indexOf(byte[] data, byte[] token) {
      outer:
      for (int i = 0; i + token.length <= data.length; i++) {
        for (int j = 0; j < token.length; j++) {
          if (data[i + j] != token[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  /** Per stream: bytes held back, the command's bytes, whether its token was seen. */
  private static final class StreamState {
    final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** The command's bytes for its value: a capped tail (the log gets everything). */
    final io.slipway.engine.CappedBuffer raw = io.slipway.engine.CappedBuffer.configured();
    boolean finished;
  }
}
