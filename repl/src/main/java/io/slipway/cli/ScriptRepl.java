package io.slipway.cli;

import io.slipway.cli.repl.Continuation;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The REPL's script mode, used when standard input is not a terminal (as jshell does with
 * piped input): one input per line, an input left incomplete (an open brace, an open
 * {@code """}) takes the following lines too, after a secondary prompt saying what it lacks
 * ({@link Continuation}); each input is handled after the previous one
 * finished ({@code :run} returns when the run pauses or ends); results and program output go
 * to stdout without ANSI codes. At end of input everything is removed and the exit code is 0,
 * or 1 when the last run failed.
 */
final class ScriptRepl {
  private final ReplSession session;
  private final PrintStream out;
  private final boolean echo;
  private final boolean prompt;

  /**
   * @param echo print each input after a prompt, so the transcript reads as a session
   * @param prompt print the prompt before reading each line (a terminal without the line
   *     editor)
   */
  ScriptRepl(ReplSession session, PrintStream out, boolean echo, boolean prompt) {
    this.session = session;
    this.out = out;
    this.echo = echo;
    this.prompt = prompt;
  }

  /** Reads and handles inputs until {@code :quit} or end of input; returns the exit code. */
  int run(java.io.InputStream in) throws IOException {
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder pending = null;
    String continuation = null; // the secondary prompt of the pending input
    String line;
    while (true) {
      if (prompt) {
        out.print(pending == null ? session.prompt() : continuation);
        out.flush();
      }
      line = reader.readLine();
      if (line == null) {
        break;
      }
      String input = pending == null ? line : pending.append('\n').append(line).toString();
      if (echo) {
        out.println((pending == null ? session.prompt() : continuation) + line);
      }
      if (pending == null && input.isBlank()) {
        continue;
      }
      ReplResponse r = session.handleLine(input);
      if (r instanceof ReplResponse.Incomplete) {
        pending = new StringBuilder(input);
        continuation = Continuation.prompt(r.text());
        continue;
      }
      pending = null;
      if (r instanceof ReplResponse.Quit q) {
        print(q.text());
        out.flush();
        return q.exitCode();
      }
      if (r instanceof ReplResponse.ShellTarget) {
        print(":shell needs a terminal; use :exec NAME CMD... in script mode\n");
        continue;
      }
      print(r.text());
    }
    if (pending != null) {
      ReplResponse r = session.handleLine(pending.toString());
      print(r.text().isEmpty() ? "" : "incomplete input at end: " + r.text());
    }
    var failures = session.close();
    failures.forEach(f -> out.println("cleanup failed: " + f));
    out.flush();
    return session.exitCode();
  }

  private void print(String text) {
    if (text.isEmpty()) {
      return;
    }
    synchronized (out) {
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
    }
  }
}
