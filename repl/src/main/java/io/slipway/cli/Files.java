package io.slipway.cli;

import java.nio.file.Path;

/** Resolving the pipeline file arguments of {@code check}, {@code plan} and {@code run}. */
final class Files {
  private Files() {}

  static final String DEFAULT = "Slipfile";

  /** The file to use, or a {@link UserError} (exit 2) naming what is missing. */
  static Path pipeline(String arg) {
    Path p;
    try {
      p = Path.of(arg == null ? DEFAULT : arg);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UserError(ExitCode.USAGE, "invalid file name: " + e.getReason());
    }
    if (java.nio.file.Files.isDirectory(p)) {
      p = p.resolve(DEFAULT);
    }
    if (!java.nio.file.Files.isRegularFile(p)) {
      // a FIFO or a device would block or never end: refused before anything reads it
      throw new UserError(ExitCode.USAGE, arg == null
          ? "no Slipfile in this directory (give a file: slipway run path/to/Slipfile)"
          : java.nio.file.Files.exists(p) ? "not a regular file: " + arg
          : "file not found: " + arg);
    }
    return p;
  }
}
