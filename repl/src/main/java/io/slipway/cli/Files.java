package io.slipway.cli;

import java.nio.file.Path;

/** Resolving the pipeline file arguments of {@code check}, {@code plan} and {@code run}. */
final class Files {
  private Files() {}

  static final String DEFAULT = "Slipfile";

  /** The file to use, or a {@link UserError} (exit 2) naming what is missing. */
  static Path pipeline(String arg) {
    Path p = Path.of(arg == null ? DEFAULT : arg);
    if (java.nio.file.Files.isDirectory(p)) {
      p = p.resolve(DEFAULT);
    }
    if (!java.nio.file.Files.isRegularFile(p)) {
      throw new UserError(ExitCode.USAGE, arg == null
          ? "no Slipfile in this directory (give a file: slipway run path/to/Slipfile)"
          : "file not found: " + arg);
    }
    return p;
  }
}
