/**
 * Nested cleanup scopes with typed services ({@link io.slipway.scope.ResourceScope}): the one
 * mechanism by which sessions, runs, stages, attempts and retry attempts remove what they
 * created, exactly once, last created first. It depends on nothing else in Slipway, so that the
 * engine package (which tracks containers) and the run package (which owns the scopes) can both
 * use it.
 */
package io.slipway.scope;
