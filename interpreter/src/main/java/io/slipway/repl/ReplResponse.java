package io.slipway.repl;

import io.slipway.diag.Diagnostic;
import io.slipway.run.Status;
import java.util.List;

/**
 * What a {@link ReplSession} answers. Every response has the {@link #text()} a client prints (no
 * ANSI codes; empty when there is nothing to print); the records carry what a richer client
 * needs besides. Output of the program itself (logs, steps, stages) is not here: it goes to the
 * session's event sink as it happens.
 */
public sealed interface ReplResponse {
  /** What to print; may be empty, never null. */
  String text();

  /** The value of an expression ({@code [10, 20, 30]}) and its static type ({@code List<Int>}). */
  record Value(String text, String type) implements ReplResponse {}

  /** Command output, or an empty text for input that printed nothing (a declaration). */
  record Output(String text) implements ReplResponse {}

  /** The input did not check; {@code text} is rendered exactly as {@code slipway check} does. */
  record Diagnostics(String text, List<Diagnostic> diagnostics) implements ReplResponse {
    public Diagnostics {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The input ended too early; {@code text} says what is missing ({@code missing `}`}). */
  record Incomplete(String text) implements ReplResponse {}

  /** A run-time error of the input, or a command that could not be done (usage, state). */
  record Failure(String text) implements ReplResponse {}

  /**
   * A run paused. {@code text} is {@code paused at build (Slipfile:12): breakpoint 1: stage
   * build} followed by the source line.
   */
  record Paused(String text, String stage, String file, int line, String reason)
      implements ReplResponse {}

  /** A run (or {@code :rerun}) ended; its containers stay until the next run, reset or quit. */
  record RunEnded(String text, Status status, int exitCode) implements ReplResponse {}

  /** Completion candidates replacing the input from {@code anchor} to the cursor. */
  record Completions(List<String> candidates, int anchor) implements ReplResponse {
    public Completions {
      candidates = List.copyOf(candidates);
    }

    @Override
    public String text() {
      return String.join("\n", candidates);
    }
  }

  /**
   * The container a {@code :shell} opens: the client runs the interactive exec with
   * {@link ReplSession#shellCommand}. {@code text} is a one-line notice. {@code dockerFlags} are
   * the docker CLI's global flags reaching the container's engine when it is not the default one
   * ({@code -H tcp://prod:2376 --tlsverify --tlscacert ...}), else empty.
   */
  record ShellTarget(String text, String containerId, String name, List<String> command,
      List<String> dockerFlags) implements ReplResponse {
    public ShellTarget {
      command = List.copyOf(command);
      dockerFlags = List.copyOf(dockerFlags);
    }

    public ShellTarget(String text, String containerId, String name, List<String> command) {
      this(text, containerId, name, command, List.of());
    }
  }

  /** The session ended; the process should exit with {@code exitCode}. */
  record Quit(String text, int exitCode) implements ReplResponse {}
}
