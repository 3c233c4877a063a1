package io.slipway.cli.repl;

import io.slipway.repl.ReplRequest;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The REPL on a terminal (jline3) over the headless {@link ReplSession}: history in
 * {@code ~/.slipway/history}, completion and highlighting, program output printed above the
 * prompt, a secondary prompt saying what incomplete input lacks, Ctrl-C interrupting what runs
 * (a second Ctrl-C at an empty prompt quits), {@code :shell} handing the terminal to an
 * interactive {@code docker exec -it}. No colour on a dumb terminal or with {@code NO_COLOR}.
 *
 * <p>The prompt shows before the session exists ({@link PendingSession}): the first input that
 * needs it (Enter, Tab, end of input) waits for it to be built, and Ctrl-C while waiting
 * discards that input.
 */
public final class TerminalRepl {
  private final Terminal terminal;
  private final boolean color;
  private final PendingSession session;
  private LineReader reader;
  private volatile boolean inShell;
  private volatile boolean busy;
  private final AtomicBoolean betweenPrompts = new AtomicBoolean();
  /** What {@link ReplSession#prompt()} says while no run is paused. */
  private static final String IDLE_PROMPT = "slipway> ";

  private TerminalRepl(Terminal terminal, boolean color, PendingSession session) {
    this.terminal = terminal;
    this.color = color;
    this.session = session;
  }

  /**
   * Runs the REPL on the process's terminal until {@code :quit}, end of input or a second Ctrl-C
   * at an empty prompt, then closes the session (removing what its runs made). The session's
   * event sink should be {@link AbovePrompt#events}. Returns the exit code (1 when the last run
   * failed).
   *
   * @throws PendingSession.Failed when the session could not be built (at the first input)
   */
  public static int run(PendingSession session, Map<String, String> env) throws IOException {
    JlineNative.prepare();
    Path history = historyFile(env);
    TerminfoCache caps = TerminfoCache.prepare(env, history.resolveSibling("terminfo"));
    try (Terminal t = systemTerminal()) {
      caps.save();
      return new TerminalRepl(t, colorWanted(t, env), session).loop(history);
    }
  }

  /**
   * The process's terminal through jline's JNI provider (its small native library). Left to
   * itself, jline loads every provider it knows before it picks the first (JNA alone runs
   * {@code ldconfig -p} and unpacks a native library, and the exec provider runs {@code test
   * -t}); the FFM provider (JDK 22+) spins a few hundred method-handle classes at run time to
   * bind its calls, which the class-data cache cannot hold: measured, it took twice the CPU of
   * JNI to open the terminal (bench/README.md, "REPL start-up"). Only when JNI cannot serve (a
   * dumb terminal results, e.g. no native library for this platform) are the others tried.
   */
  private static Terminal systemTerminal() throws IOException {
    Terminal t = TerminalBuilder.builder().system(true).name("slipway")
        .jni(true).ffm(false).jna(false).jansi(false).exec(false).dumb(true).build();
    String type = t.getType() == null ? "" : t.getType();
    if (!type.startsWith(Terminal.TYPE_DUMB)) {
      return t;
    }
    t.close();
    return TerminalBuilder.builder().system(true).name("slipway").build();
  }

  /**
   * Drives the terminal REPL from {@code keys} on an xterm-like terminal that writes nowhere,
   * then closes the session: the launcher's training run ({@code slipway __train}) records the
   * classes of the line editor, the highlighter, completion and the session's commands in its
   * class-data cache, so that {@code slipway repl} starts with them already loaded and linked.
   */
  public static void train(PendingSession session, String keys, Path history) throws IOException {
    drive(session, keys, history, java.io.OutputStream.nullOutputStream());
    // the system terminal's own classes (the builder, the JNI provider, its native pty and
    // termios, the native library's loader): a pty-backed terminal over streams opens them the
    // way the REPL's terminal does; the training runs without a terminal to open
    JlineNative.prepare();
    try (Terminal pty = TerminalBuilder.builder().system(false).name("slipway-train")
        .type("xterm-256color").streams(java.io.InputStream.nullInputStream(),
            java.io.OutputStream.nullOutputStream())
        .jni(true).ffm(false).jna(false).jansi(false).exec(false).dumb(true).build()) {
      pty.getSize();
      pty.enterRawMode();
    }
    // and those only a system terminal loads (its class, signal and shutdown-hook registration)
    for (String name : SYSTEM_TERMINAL_CLASSES) {
      try {
        Class.forName(name, false, TerminalRepl.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // another jline version: only the cache is poorer for it
      }
    }
  }

  private static final java.util.List<String> SYSTEM_TERMINAL_CLASSES = java.util.List.of(
      "org.jline.terminal.impl.PosixSysTerminal", "org.jline.terminal.TerminalBuilder$SystemOutput",
      "org.jline.utils.Signals", "org.jline.utils.ShutdownHooks", "org.jline.utils.ShutdownHooks$Task");

  /** {@link #train} with the screen written to {@code screen} (tests). */
  static void drive(PendingSession session, String keys, Path history, java.io.OutputStream screen)
      throws IOException {
    var in = new java.io.ByteArrayInputStream(keys.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // an external terminal decodes the keys in Java: a pty-backed one (what the builder makes
    // for streams) would see the end of the input before the reader took the first line
    try (Terminal t = new org.jline.terminal.impl.ExternalTerminal("slipway-train", "xterm-256color",
        in, screen, java.nio.charset.StandardCharsets.UTF_8)) {
      t.setSize(new org.jline.terminal.Size(120, 40));
      new TerminalRepl(t, true, session).loop(history);
    }
  }

  /** Colour unless the terminal is dumb or {@code NO_COLOR} is set (to anything). */
  static boolean colorWanted(Terminal t, Map<String, String> env) {
    String type = t.getType() == null ? "" : t.getType();
    return !type.startsWith(Terminal.TYPE_DUMB) && !env.containsKey("NO_COLOR")
        && !"dumb".equals(env.get("TERM"));
  }

  /** {@code ~/.slipway/history} ({@code HOME} from the environment, as shells do). */
  static Path historyFile(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".slipway", "history");
  }

  private int loop(Path history) throws IOException {
    InputParser parser = new InputParser(session);
    try {
      Files.createDirectories(history.getParent());
    } catch (IOException e) {
      session.close();
      throw e;
    }
    reader = LineReaderBuilder.builder().terminal(terminal).appName("slipway")
        .parser(parser).completer(new SessionCompleter(parser))
        .highlighter(new SyntaxHighlighter(color))
        .variable(LineReader.HISTORY_FILE, history)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%M")
        .variable(LineReader.INDENTATION, 4)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_BRACKET, false)
        .build();
    // Ctrl-C while a request runs (jline handles it while reading) interrupts the request; one
    // that arrives between two prompts (the terminal is not raw then, so no reader sees the key)
    // counts as pressed at the next, empty prompt: a quick double Ctrl-C still leaves
    terminal.handle(Terminal.Signal.INT, sig -> {
      if (inShell) {
        return;
      }
      if (busy) {
        ReplSession s = session.now();
        if (s != null) {
          s.interrupt(); // (a request waiting for the session to be built: it is being built)
        }
      } else {
        betweenPrompts.set(true);
      }
    });
    AbovePrompt.attach(reader, color);
    try {
      return readLoop();
    } finally {
      AbovePrompt.detach();
      reader.getHistory().save();
      session.close();
    }
  }

  private int readLoop() {
    boolean interruptedOnce = false;
    while (true) {
      String line;
      try {
        if (betweenPrompts.getAndSet(false)) {
          throw new UserInterruptException("");
        }
        line = reader.readLine(prompt());
      } catch (UserInterruptException e) {
        if (!e.getPartialLine().isEmpty()) {
          interruptedOnce = false; // Ctrl-C discards the line being typed
          continue;
        }
        if (interruptedOnce) {
          return quit();
        }
        interruptedOnce = true;
        say("(press Ctrl-C again at an empty prompt, or type :quit, to leave)");
        continue;
      } catch (EndOfFileException e) {
        return quit();
      }
      interruptedOnce = false;
      if (line.isBlank()) {
        continue;
      }
      ReplResponse r = requestLine(line);
      if (r instanceof ReplResponse.Quit q) {
        return q.exitCode();
      }
    }
  }

  private int quit() {
    ReplResponse r = request(new ReplRequest.Quit());
    return r instanceof ReplResponse.Quit q ? q.exitCode() : session().exitCode();
  }

  private String prompt() {
    ReplSession s = session.now();
    // a session still being built has run nothing, so it would say its idle prompt
    String p = s == null ? IDLE_PROMPT : s.prompt();
    return color ? new AttributedString(p, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)).toAnsi(terminal) : p;
  }

  private ReplResponse requestLine(String line) {
    busy = true;
    try {
      return show(session().handleLine(line));
    } finally {
      busy = false;
    }
  }

  private ReplResponse request(ReplRequest request) {
    busy = true;
    try {
      return show(session().handle(request));
    } finally {
      busy = false;
    }
  }

  /**
   * The session, waiting for it to be built. Input reached here only after the parser waited
   * for it, so only end of input and a double Ctrl-C wait here: they close the session, which
   * must exist to be closed.
   */
  private ReplSession session() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return session.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Prints a response; runs the interactive shell of a {@code :shell}. */
  private ReplResponse show(ReplResponse r) {
    String text = r.text();
    if (!text.isEmpty()) {
      boolean failed = r instanceof ReplResponse.Failure || r instanceof ReplResponse.Diagnostics;
      String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      terminal.writer().println(color && failed
          ? new AttributedString(body, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal)
          : body);
      terminal.flush();
    }
    if (r instanceof ReplResponse.ShellTarget target) {
      shell(target);
    }
    return r;
  }

  /**
   * Hands the terminal to {@code docker exec -it} (with {@code -H} and the TLS flags for a
   * container on another engine than the default one): jline's input pump is paused so that the
   * shell gets every key, and our Ctrl-C handler stands aside (in raw mode the shell gets ^C).
   */
  private void shell(ReplResponse.ShellTarget target) {
    inShell = true;
    try {
      terminal.pause(true);
      var pb = new ProcessBuilder(ReplSession.shellCommand(target)).inheritIO();
      ReplSession.shellEnvironment(target, pb.environment());
      Process p = pb.start();
      int code = p.waitFor();
      if (code != 0) {
        say("(the shell exited with " + code + ")");
      }
    } catch (IOException e) {
      say("cannot start the shell: " + e.getMessage() + " (is the docker CLI installed?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      terminal.resume();
      inShell = false;
    }
  }

  private void say(String text) {
    terminal.writer().println(text);
    terminal.flush();
  }
}
