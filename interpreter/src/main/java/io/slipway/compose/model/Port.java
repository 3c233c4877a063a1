package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;

/**
 * A published (or only exposed, when {@code published} is null) container port.
 * {@code publishedEnd} is set when a range of host ports is offered for one container port
 * ({@code "8000-8010:80"}): Docker picks a free one. {@code protocol} is {@code tcp},
 * {@code udp} or {@code sctp}; {@code mode} ({@code ingress}/{@code host}) matters to Swarm.
 */
public record Port(int target, Integer published, Integer publishedEnd, String hostIp, String protocol,
    String mode, Pos pos) {}
