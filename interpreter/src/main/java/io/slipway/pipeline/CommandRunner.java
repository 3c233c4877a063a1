package io.slipway.pipeline;

import io.slipway.run.Event;
import io.slipway.value.ExecResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the command of an {@code sh} step. {@link HostCommandRunner} runs it on the host in the
 * pipeline directory; the Docker area provides one that execs in a stage's agent container (see
 * {@link AgentRunner}). Implementations stream output line by line as it arrives and must return
 * promptly, killing the command, when the calling thread is interrupted (timeout, cancel).
 */
public interface CommandRunner {

  /**
   * Runs a command to completion.
   *
   * @throws InterruptedException when interrupted; the command has been killed
   */
  ExecResult run(Command command, OutputSink output) throws InterruptedException;

  /**
   * A command: {@code shell} run through {@code /bin/sh -c}, or an argument vector
   * ({@code argv}); exactly one is non-null.
   *
   * @param env variables added to the runner's base environment, secrets already revealed
   * @param workdir the host directory to run in (the pipeline directory); agents map it to
   *     {@code /workspace}
   */
  record Command(String shell, List<String> argv, Map<String, String> env, Path workdir) {
    public Command {
      argv = argv == null ? null : List.copyOf(argv);
      env = Map.copyOf(env);
    }

    /** The argument vector to execute: {@code sh -c shell} or {@code argv}. */
    public List<String> commandLine() {
      return shell != null ? List.of("/bin/sh", "-c", shell) : argv;
    }

    /** How the command is shown in messages. */
    public String display() {
      return shell != null ? shell : String.join(" ", argv);
    }
  }

  /** Receives output lines as they are produced (already split, without line terminators). */
  @FunctionalInterface
  interface OutputSink {
    void line(Event.Stream stream, String line);
  }
}
