/**
 * Compose stacks on Docker Swarm, as {@code docker stack deploy} makes them: the conversion of a
 * compose model into overlay networks and service specs ({@link io.slipway.compose.swarm.StackSpecs}),
 * and the deploy that creates or updates only the services whose spec changed and waits until
 * they converged ({@link io.slipway.compose.swarm.StackDeployer}).
 */
package io.slipway.compose.swarm;
