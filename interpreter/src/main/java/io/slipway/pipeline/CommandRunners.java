package io.slipway.pipeline;

import io.slipway.run.Run;

/**
 * The command runners of a run: the host runner, and the agent hook (null when no Docker area
 * is installed, in which case a stage with an agent fails at its first command).
 */
public record CommandRunners(CommandRunner host, AgentRunner agents) {

  /** The runners installed on a run, or host-only ones with the process environment. */
  public static CommandRunners of(Run run) {
    return run.service(CommandRunners.class,
        () -> new CommandRunners(new HostCommandRunner(System.getenv()), null));
  }
}
