package io.slipway.cli;

import io.slipway.cli.view.LiveView;
import io.slipway.run.Approver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks an {@code approve(...)} question on the terminal: the live view pauses, the question is
 * printed on stderr and a line is read from stdin ({@code y}/{@code yes} approves, anything
 * else, end of input included, rejects). Gates are asked one at a time even when parallel
 * stages reach theirs together. Stdin is read on a daemon thread so that a waiting question
 * gives way at once when the run is cancelled (Ctrl-C at the prompt).
 */
final class TerminalApprover implements Approver {
  private static final String EOF = "\u0000eof";

  private final Cli cli;
  private final LiveView live;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;
  private Thread reader;

  TerminalApprover(Cli cli, LiveView live) {
    this.cli = cli;
    this.live = live;
  }

  /** Rejects the question being asked, if any, and every later one. */
  void cancel() {
    cancelled = true;
  }

  /** True when the user approved {@code message} asked by {@code stage}. */
  @Override
  public synchronized boolean approve(String stage, String message) throws InterruptedException {
    if (live != null) {
      live.pause();
    }
    try {
      cli.err().print("\n? " + (stage == null ? "" : "[" + stage + "] ") + message + " [y/N] ");
      cli.err().flush();
      startReader();
      String answer = null;
      while (!cancelled && answer == null) {
        answer = lines.poll(100, TimeUnit.MILLISECONDS);
      }
      boolean yes = answer != null && !answer.equals(EOF) && (answer.trim().equalsIgnoreCase("y")
          || answer.trim().equalsIgnoreCase("yes"));
      cli.err().println(yes ? "approved" : "rejected");
      return yes;
    } finally {
      if (live != null) {
        live.resume();
      }
    }
  }

  private void startReader() {
    if (reader != null) {
      return;
    }
    var in = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
    reader = Thread.ofPlatform().daemon().name("slipway-stdin").start(() -> {
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // stdin unreadable: treated as end of input
      }
      lines.add(EOF);
    });
  }
}
