package io.slipway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real terminal for a test: a tmux server of its own (its own socket, so other tmux users
 * are never touched) with one window running a command; keys go in with {@code send-keys},
 * the screen comes out with {@code capture-pane}. Closing kills the server.
 */
final class Tmux implements AutoCloseable {
  private final String socket = "slipway-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final String target = "repl";
  private java.nio.file.Path config;

  private Tmux() {}

  /** Starts {@code command} (an argument vector, no shell) in a WIDTHxHEIGHT window. */
  static Tmux start(java.nio.file.Path dir, List<String> env, int width, int height, List<String> command)
      throws IOException, InterruptedException {
    var t = new Tmux();
    // a scroll-back that never drops lines, so offsets into the captured text stay valid
    t.config = java.nio.file.Files.createTempFile("slipway-tmux", ".conf");
    java.nio.file.Files.writeString(t.config, "set -g history-limit 100000\n");
    List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", t.target,
        "-x", Integer.toString(width), "-y", Integer.toString(height), "-c", dir.toString()));
    for (String e : env) {
      args.add("-e");
      args.add(e);
    }
    args.addAll(command);
    t.tmux(args);
    // keep the pane after the command ends, so its exit status and last screen can be read
    t.tmux(List.of("set-option", "-t", t.target, "remain-on-exit", "on"));
    return t;
  }

  /** Types {@code text} literally (no key names), without Enter. */
  void type(String text) throws IOException, InterruptedException {
    tmux(List.of("send-keys", "-t", target, "-l", text));
  }

  /** Types a line and presses Enter. */
  void line(String text) throws IOException, InterruptedException {
    type(text);
    keys("Enter");
  }

  /** Presses keys by tmux name ({@code Enter}, {@code Tab}, {@code C-c}). */
  void keys(String... names) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
    args.addAll(List.of(names));
    tmux(args);
  }

  /** The screen and its scroll-back, as text without colours, without the empty lines below the last. */
  String screen() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-t", target)).replaceFirst("(\\n[ \\t]*)+\\z", "");
  }

  /** The screen with the escape sequences of its colours. */
  String screenWithColours() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", target));
  }

  /** The screen after the first time {@code regex} matches a part of it not seen before {@code from}. */
  String await(String regex, int from, Duration timeout) throws IOException, InterruptedException {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.nanoTime() + timeout.toNanos();
    String s = "";
    while (System.nanoTime() < deadline) {
      s = screen();
      if (p.matcher(s.length() > from ? s.substring(from) : "").find()) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not on the screen within " + timeout.toSeconds() + " s: " + regex
        + "\n----- screen -----\n" + s);
  }

  /** The process id of the pane's command. */
  long pid() throws IOException, InterruptedException {
    return Long.parseLong(tmux(List.of("display-message", "-p", "-t", target, "#{pane_pid}")).strip());
  }

  /**
   * The exit status once the command has ended, waiting up to {@code timeout}; -1 when tmux
   * records none (the command ended by a signal), after a short grace for the status to appear.
   */
  int awaitExit(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long deadSince = 0;
    while (System.nanoTime() < deadline) {
      String[] dead = tmux(List.of("display-message", "-p", "-t", target, "#{pane_dead} #{pane_dead_status}"))
          .strip().split(" ");
      // tmux may mark the pane dead a moment before it records the exit status
      if (dead[0].equals("1") && dead.length > 1) {
        return Integer.parseInt(dead[1]);
      }
      if (dead[0].equals("1") && deadSince == 0) {
        deadSince = System.nanoTime();
      } else if (dead[0].equals("1") && System.nanoTime() - deadSince > 3_000_000_000L) {
        return -1;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the command did not end within " + timeout.toSeconds() + " s\n" + screen());
  }

  /** After a failure: interrupts what runs, asks the REPL to quit and waits (bounded) for it to end. */
  void quitQuietly() {
    try {
      keys("C-c");
      Thread.sleep(500);
      keys("C-u");
      line(":quit");
      awaitExit(java.time.Duration.ofMinutes(2));
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      // the test has already failed; its failure is the one to report
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    tmuxQuietly(List.of("kill-server"));
    if (config != null) {
      java.nio.file.Files.deleteIfExists(config);
    }
  }

  private String tmux(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", config.toString()));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private void tmuxQuietly(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(args);
    new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
  }
}
