package io.slipway.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the CLI knows about its terminal: whether stdout is one, whether colour is wanted
 * ({@code NO_COLOR}, {@code TERM=dumb}) and its size.
 *
 * @param interactive stdin and stdout are a terminal
 * @param color ANSI colour may be used on stdout
 * @param live the redrawing live view may be used
 */
public record Tty(boolean interactive, boolean color, boolean live, int width, int height) {

  /** Detects the process's terminal from the console and the environment. */
  public static Tty detect(Map<String, String> env) {
    boolean tty = isTerminal();
    String term = env.getOrDefault("TERM", "");
    boolean dumb = term.isEmpty() || term.equals("dumb");
    boolean color = tty && !dumb && !env.containsKey("NO_COLOR");
    int width = number(env.get("COLUMNS"), 100);
    int height = number(env.get("LINES"), 30);
    return new Tty(tty, color, tty && !dumb, width, height);
  }

  /** No terminal: plain output, no colour, no prompts. */
  public static Tty none() {
    return new Tty(false, false, false, 100, 30);
  }

  /**
   * True when stdin and stdout are a terminal. Since JDK 22 {@code System.console()} also
   * returns a console for redirected streams, so {@code Console.isTerminal()} is asked (by
   * reflection: the code is compiled for Java 21).
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static int number(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
