package io.slipway.pipeline;

/**
 * The command runners of a run: the host runner, and the agent hook (null when no Docker area
 * is installed, in which case a stage with an agent fails at its first command).
 */
public record CommandRunners(CommandRunner host, AgentRunner agents) {}
