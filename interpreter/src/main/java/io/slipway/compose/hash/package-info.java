/**
 * The canonical-record SHA-256 that compose's {@code com.docker.compose.config-hash} label and a
 * swarm stack's spec and task hashes are made of ({@link io.slipway.compose.hash.CanonicalHash}).
 */
package io.slipway.compose.hash;
