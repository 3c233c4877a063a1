package io.slipway.cli;

import io.slipway.cli.view.LiveView;
import io.slipway.run.Approver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Asks an {@code approve(...)} question on the terminal: the live view pauses, the question is
 * printed on stderr and a line is read from stdin ({@code y}/{@code yes} approves, anything
 * else, end of input included, rejects). Gates are asked one at a time even when parallel
 * stages reach theirs together.
 */
final class TerminalApprover implements Approver {
  private final Cli cli;
  private final LiveView live;
  private BufferedReader reader;

  TerminalApprover(Cli cli, LiveView live) {
    this.cli = cli;
    this.live = live;
  }

  /** True when the user approved {@code message} asked by {@code stage}. */
  @Override
  public synchronized boolean approve(String stage, String message) {
    if (live != null) {
      live.pause();
    }
    try {
      cli.err().print("\n? " + (stage == null ? "" : "[" + stage + "] ") + message + " [y/N] ");
      cli.err().flush();
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
      }
      String answer = reader.readLine();
      boolean yes = answer != null && (answer.trim().equalsIgnoreCase("y")
          || answer.trim().equalsIgnoreCase("yes"));
      cli.err().println(yes ? "approved" : "rejected");
      return yes;
    } catch (IOException e) {
      return false;
    } finally {
      if (live != null) {
        live.resume();
      }
    }
  }
}
