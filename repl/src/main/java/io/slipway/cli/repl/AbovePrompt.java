package io.slipway.cli.repl;

import io.slipway.cli.view.PlainView;
import io.slipway.run.EventSink;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Where program output goes while the terminal REPL runs: the CI view's lines, printed above
 * the prompt (jline's {@code printAbove} redraws the prompt and what is being typed below them),
 * so output of a stage still running never tears up the input line. Before the reader exists
 * (while a file is loaded) and after it is gone, lines go to the fallback stream. One process
 * has one terminal, so the reader is held here for the process.
 */
public final class AbovePrompt {
  private static volatile LineReader reader;
  private static volatile boolean color;

  private AbovePrompt() {}

  /** The event sink for a session a {@link TerminalRepl} will drive. */
  public static EventSink events(PrintStream fallback) {
    return new PlainView(new PrintStream(new LinesOut(line -> print(line, fallback)), true,
        StandardCharsets.UTF_8));
  }

  static void attach(LineReader r, boolean colorWanted) {
    color = colorWanted;
    reader = r;
  }

  static void detach() {
    reader = null;
  }

  private static void print(String line, PrintStream fallback) {
    LineReader r = reader;
    if (r == null) {
      fallback.println(line);
      fallback.flush();
      return;
    }
    Terminal t = r.getTerminal();
    // the explanations of :explain stand out from the program's own output
    r.printAbove(color && line.startsWith("$ docker ")
        ? new AttributedString(line, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)).toAnsi(t)
        : line);
  }
}
