/**
 * Slipway's one glob dialect, shared by {@code glob()} and {@code .dockerignore}: the syntax,
 * its translation to a regular expression, and located syntax errors. Depends on nothing else
 * in Slipway.
 */
package io.slipway.glob;
