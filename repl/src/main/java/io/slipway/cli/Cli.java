package io.slipway.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process around a command: its streams, environment and terminal. Passed explicitly so
 * that tests run commands in-process with captured streams.
 */
public record Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
    Tty tty, Warmup warmup) {

  public Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Tty tty) {
    this(out, err, in, env, tty, Warmup.start());
  }

  /** The real process; the standard library is built in the background from here on. */
  public static Cli system() {
    Warmup warmup = Warmup.start();
    Map<String, String> env = System.getenv();
    return new Cli(System.out, System.err, System.in, env, Tty.detect(env), warmup);
  }
}
