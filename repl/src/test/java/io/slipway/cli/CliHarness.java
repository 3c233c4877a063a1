package io.slipway.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs CLI commands in-process with captured streams and no terminal. */
final class CliHarness {
  private CliHarness() {}

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    return run(Map.of(), "", args);
  }

  /** With the process environment plus {@code env}, as a real process would see it. */
  static Result run(Map<String, String> env, String stdin, String... args) {
    return run(Tty.none(), env, stdin, args);
  }

  /** As {@link #run(Map, String, String...)} on the given terminal (e.g. one with the live view). */
  static Result run(Tty tty, Map<String, String> env, String stdin, String... args) {
    var environment = new java.util.HashMap<>(System.getenv());
    environment.putAll(env);
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment, tty);
    int code = Main.execute(cli, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
