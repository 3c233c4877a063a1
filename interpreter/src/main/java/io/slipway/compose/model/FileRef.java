package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;

/**
 * A service's use of a secret or config: {@code source} names the project's secret/config;
 * {@code target} defaults to {@code /run/secrets/<source>} (secrets) or {@code /<source>}.
 */
public record FileRef(String source, String target, String uid, String gid, Integer mode, Pos pos) {}
