package io.slipway.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a client asks a {@link ReplSession}: one record per command, as Pkl's {@code ReplRequest}.
 * {@link ReplCommands#parse} turns a typed line ({@code :break build}, {@code 1 + 2}) into one.
 */
public sealed interface ReplRequest {
  /** Evaluates a statement, expression or declaration (in the paused frame while paused). */
  record Eval(String text) implements ReplRequest {}

  /** {@code :load FILE}: checks and plans the file and shows its stage graph. */
  record Load(Path file) implements ReplRequest {}

  /**
   * {@code :reload}: reads and checks the loaded file again; while a run is paused, continues
   * it from the current stage with the new code, keeping what completed stages made.
   */
  record Reload() implements ReplRequest {}

  /** {@code :run [-p NAME=VALUE]...}: runs the loaded pipeline until it pauses or ends. */
  record Run(Map<String, String> params) implements ReplRequest {
    public Run {
      params = Map.copyOf(params);
    }
  }

  /** {@code :continue}: resumes the paused run until the next pause or its end. */
  record Continue() implements ReplRequest {}

  /** {@code :step}: to the next statement, entering calls. */
  record Step() implements ReplRequest {}

  /** {@code :next}: to the next statement of this frame (or an outer one). */
  record Next() implements ReplRequest {}

  /** {@code :finish}: to the next statement of an outer frame. */
  record Finish() implements ReplRequest {}

  /** {@code :skip}: ends the paused stage as skipped and continues. */
  record Skip() implements ReplRequest {}

  /** {@code :rerun STAGE}: runs one stage again, keeping what the stages before it made. */
  record Rerun(String stage) implements ReplRequest {}

  /** Completion candidates for {@code text} with the cursor at {@code cursor}. */
  record Complete(String text, int cursor) implements ReplRequest {}

  /** {@code :type EXPR}: the static type of an expression, evaluating nothing. */
  record TypeOf(String expr) implements ReplRequest {}

  /** {@code :break STAGE}. */
  record BreakStage(String stage) implements ReplRequest {}

  /** {@code :break FILE:LINE}. */
  record BreakLine(String file, int line) implements ReplRequest {}

  /** {@code :break on-failure}. */
  record BreakOnFailure() implements ReplRequest {}

  /** {@code :breaks}: lists breakpoints. */
  record Breaks() implements ReplRequest {}

  /** {@code :delete N}, or every breakpoint when {@code id} is null ({@code :delete all}). */
  record Delete(Integer id) implements ReplRequest {}

  /** {@code :stages}: the loaded plan's stages and what each waits for. */
  record Stages() implements ReplRequest {}

  /** {@code :plan}: the plan with its operations, as {@code slipway plan} prints it. */
  record ShowPlan() implements ReplRequest {}

  /** {@code :where}: the paused stage, file:line, the source around it and the frame stack. */
  record Where() implements ReplRequest {}

  /** {@code :vars}: names in scope with types and values, secrets masked. */
  record Vars() implements ReplRequest {}

  /** {@code :ps}: containers this session's runs started. */
  record Ps() implements ReplRequest {}

  /** {@code :logs NAME [-f]}; with {@code follow}, streams until {@link ReplSession#interrupt}. */
  record Logs(String name, boolean follow) implements ReplRequest {}

  /** {@code :exec NAME CMD...}: runs a command in a container and shows its output. */
  record Exec(String name, List<String> command) implements ReplRequest {
    public Exec {
      command = List.copyOf(command);
    }
  }

  /** {@code :inspect NAME}: state, image, networks, addresses, ports, labels. */
  record Inspect(String name) implements ReplRequest {}

  /**
   * {@code :shell NAME [CMD...]}: resolves the container for an interactive shell; the client
   * runs the TTY exec itself with {@link ReplSession#shell}.
   */
  record Shell(String name, List<String> command) implements ReplRequest {
    public Shell {
      command = List.copyOf(command);
    }
  }

  /**
   * {@code :net ...}: a network fault or query on the session's containers, through the same
   * simulation the Slipfile's {@code net.slow(...)} builtins use; {@code line} is the typed
   * command (errors underline words of it).
   */
  record Net(String line, NetCommand command) implements ReplRequest {}

  /** {@code :help} ({@code command} null) or {@code :help COMMAND}. */
  record Help(String command) implements ReplRequest {}

  /** {@code :doc NAME}: signature and documentation of a builtin or a type. */
  record Doc(String name) implements ReplRequest {}

  /** {@code :explain on|off}: print each Docker operation as the equivalent CLI command. */
  record Explain(boolean on) implements ReplRequest {}

  /** {@code :reset}: ends the run, removes what it made, forgets definitions and breakpoints. */
  record Reset() implements ReplRequest {}

  /** {@code :quit} (and end of input): removes everything and ends the session. */
  record Quit() implements ReplRequest {}
}
