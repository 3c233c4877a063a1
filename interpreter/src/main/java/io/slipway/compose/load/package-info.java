/**
 * Loading compose files: parsing ({@code io.slipway.compose.yaml}), interpolation, a schema of
 * every key that checks and canonicalizes values ({@link io.slipway.compose.load.Schema}),
 * merging several files, {@code extends}, {@code env_file}s, and building the
 * {@link io.slipway.compose.model model}; {@link io.slipway.compose.load.ConfigWriter} renders
 * the result as {@code config()}. Entry point: {@link io.slipway.compose.load.ComposeLoader}.
 */
package io.slipway.compose.load;
