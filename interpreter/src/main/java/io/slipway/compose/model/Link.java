package io.slipway.compose.model;

/** A {@code links} entry: the service and the alias it is reachable under. */
public record Link(String service, String alias) {}
