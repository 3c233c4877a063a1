package io.slipway.api;

import io.slipway.run.Status;

/**
 * The outcome of {@link Slipway#run}.
 *
 * @param exitCode 0 success, 1 the pipeline failed (or was cancelled), 2 usage or check errors
 *     (bad params, missing secrets, plan errors, unknown {@code --stage}), 3 engine or
 *     infrastructure
 * @param error the rendered error (diagnostics or run-time error with its source line), secrets
 *     masked; null on success
 */
public record RunResult(Status status, int exitCode, String error) {
  public boolean ok() {
    return exitCode == 0;
  }
}
