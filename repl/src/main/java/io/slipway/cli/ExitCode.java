package io.slipway.cli;

/** The process exit codes of {@code slipway}, documented in the README. */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** The pipeline ran and failed (a stage failed, an assertion, a timeout). */
  public static final int PIPELINE_FAILED = 1;
  /** Bad command line, missing file, or the files did not check. */
  public static final int USAGE = 2;
  /** The engine is unreachable or Slipway itself failed. */
  public static final int INFRASTRUCTURE = 3;
  /** Interrupted by SIGINT (128 + 2), after the run's cleanups. */
  public static final int SIGINT = 130;
  /** Terminated by SIGTERM (128 + 15), after the run's cleanups. */
  public static final int SIGTERM = 143;
}
