package io.slipway.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process around a command: its streams, environment and terminal. Passed explicitly so
 * that tests run commands in-process with captured streams.
 */
public record Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
    Tty tty) {

  /** The real process. */
  public static Cli system() {
    Map<String, String> env = System.getenv();
    return new Cli(System.out, System.err, System.in, env, Tty.detect(env));
  }
}
