package io.slipway.pipeline;

import java.time.Duration;

/**
 * {@code options(timeout, retries, failFast)}: at pipeline level the timeout bounds the whole run
 * and retries is every stage's default; at stage level they apply to that stage.
 *
 * @param timeout null for none
 */
public record StageOptions(Duration timeout, long retries, boolean failFast) {
  public static final StageOptions DEFAULT = new StageOptions(null, 0, true);
}
