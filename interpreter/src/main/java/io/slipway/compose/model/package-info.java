/**
 * The compose model: immutable records for a loaded, merged and interpolated compose project,
 * with the {@link io.slipway.compose.yaml.Pos} of what each was read from. Produced by
 * {@code io.slipway.compose.load.ComposeLoader}; consumed by {@code up} (one engine) and by Swarm
 * deploys. Durations are {@link java.time.Duration}s, sizes are bytes, paths are absolute.
 * Optional values are null when the file does not set them (Docker's default applies).
 */
package io.slipway.compose.model;
