package io.slipway.cli;

/**
 * A failure the user can fix (missing file, unreachable engine): printed as one
 * {@code error: ...} line with its exit code, never with a stack trace.
 */
public final class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
