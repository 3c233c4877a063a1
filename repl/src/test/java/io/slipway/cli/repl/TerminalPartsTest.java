package io.slipway.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The terminal client's parts that need no session: lexer, highlighter, line splitting, colour choice. */
class TerminalPartsTest {
  @Test
  void tokensOfCodeAndCommands() {
    String code = "val x = \"a ${b}\" + 42 // note";
    List<String> kinds = SlipTokens.of(code).stream()
        .filter(t -> t.kind() != SlipTokens.Kind.OTHER)
        .map(t -> t.kind() + ":" + code.substring(t.start(), t.end())).toList();
    assertThat(kinds).containsExactly("KEYWORD:val", "NAME:x", "STRING:\"a ${b}\"", "NUMBER:42", "COMMENT:// note");
    String cmd = "  :break build";
    assertThat(SlipTokens.of(cmd)).first().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(SlipTokens.Kind.COMMAND);
      assertThat(cmd.substring(t.start(), t.end())).isEqualTo(":break");
    });
  }

  @Test
  void unfinishedInputRunsToTheEndWithoutFailing() {
    for (String s : List.of("\"open", "\"\"\"multi\nline", "/* open", "'x", "1.", "\"esc\\")) {
      var tokens = SlipTokens.of(s);
      assertThat(tokens.get(tokens.size() - 1).end()).as(s).isEqualTo(s.length());
    }
  }

  @Test
  void highlightingColoursOnlyWhenWantedAndNeverChangesTheText() {
    String code = "if (x) \"yes\" else 3";
    AttributedString plain = new SyntaxHighlighter(false).highlight(null, code);
    AttributedString colored = new SyntaxHighlighter(true).highlight(null, code);
    assertThat(plain.toString()).isEqualTo(code);
    assertThat(colored.toString()).isEqualTo(code);
    assertThat(plain.toAnsi(256, org.jline.utils.AttributedCharSequence.ForceMode.None)).isEqualTo(code);
    assertThat(colored.toAnsi(256, org.jline.utils.AttributedCharSequence.ForceMode.None)).contains("\u001b[").contains("yes");
  }

  @Test
  void linesOutHandsOnWholeLinesOnly() {
    List<String> lines = new ArrayList<>();
    var out = new PrintStream(new LinesOut(lines::add), true, StandardCharsets.UTF_8);
    out.print("[build] half");
    assertThat(lines).isEmpty();
    out.print(" done\r\nnext line\nunterminated");
    out.flush();
    assertThat(lines).containsExactly("[build] half done", "next line");
    out.print("é\n");
    assertThat(lines).last().isEqualTo("unterminatedé");
  }

  @Test
  void theTrainingRunDrivesTheTerminalReplToItsEndWithoutAnEngine(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    var session = new io.slipway.repl.ReplSession(io.slipway.repl.ReplConfig
        .of(io.slipway.stdlib.Stdlib.registry()).withDir(dir).withEngine(() -> {
          throw new io.slipway.engine.EngineUnavailable("(none)", "no engine in this test");
        }));
    // a definition over two lines (the secondary prompt), completion, then :quit
    TerminalRepl.train(PendingSession.of(session), "fun twice(n: Int): Int {\r  return 2 * n\r}\rtwi\t(21)\r:quit\r",
        dir.resolve("history"));
    assertThat(java.nio.file.Files.readString(dir.resolve("history"))).contains("twice(21)");
    assertThat(session.handle(new io.slipway.repl.ReplRequest.Eval("1")))
        .as("the session is closed").isInstanceOf(io.slipway.repl.ReplResponse.Quit.class);
  }

  @Test
  void thePromptShowsBeforeTheSessionIsBuiltAndInputTypedMeanwhileWaitsForIt(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    var screen = new java.io.ByteArrayOutputStream();
    PendingSession pending = PendingSession.start(() -> {
      // the session is built only once the prompt is on the screen: a client that needed the
      // session before its prompt would never show it (and this fails after a bounded wait)
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (!screen.toString(StandardCharsets.UTF_8).contains("slipway> ")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no prompt while the session was being built");
        }
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      return new io.slipway.repl.ReplSession(io.slipway.repl.ReplConfig
          .of(io.slipway.stdlib.Stdlib.registry()).withDir(dir).withEngine(() -> {
            throw new io.slipway.engine.EngineUnavailable("(none)", "no engine in this test");
          }));
    });
    // typed at once: a definition continued over lines, its use, then end of input (Ctrl-D)
    TerminalRepl.drive(pending, "fun twice(n: Int): Int {\r  return 2 * n\r}\rtwice(21) + 1\r\u0004",
        dir.resolve("history"), screen);
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("43");
    assertThat(pending.get().handle(new io.slipway.repl.ReplRequest.Eval("1")))
        .as("end of input closed the session").isInstanceOf(io.slipway.repl.ReplResponse.Quit.class);
  }

  @Test
  void aSessionThatCannotBeBuiltIsReportedAtTheFirstInput(@org.junit.jupiter.api.io.TempDir Path dir) {
    PendingSession pending = PendingSession.start(() -> {
      throw new IllegalStateException("registry broken");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TerminalRepl.drive(pending, "1 + 2\r",
            dir.resolve("history"), java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(PendingSession.Failed.class)
        .hasRootCauseMessage("registry broken");
  }

  @Test
  void theSecondaryPromptNamesWhatIsMissing() {
    assertThat(Continuation.prompt("missing `}` to close the block opened here"))
        .isEqualTo("... (block not closed: `}`)> ");
    assertThat(Continuation.reason("missing `}` to close the template expression opened here"))
        .isEqualTo("`${` not closed: `}`");
    assertThat(Continuation.reason("missing `)` to close the parenthesis opened here"))
        .isEqualTo("parenthesis not closed: `)`");
    assertThat(Continuation.reason("unterminated raw string: missing closing `\"\"\"`"))
        .isEqualTo("string not closed: `\"\"\"`");
    assertThat(Continuation.reason("unterminated comment: missing `*/`"))
        .isEqualTo("comment not closed: `*/`");
    assertThat(Continuation.reason("unexpected end of file: expected an expression"))
        .isEqualTo("expected an expression");
    assertThat(Continuation.reason("x".repeat(60))).hasSize(40).endsWith("...");
  }

  @Test
  void noColourOnADumbTerminalOrWithNoColor() throws Exception {
    try (Terminal dumb = new DumbTerminal(new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.ByteArrayOutputStream())) {
      assertThat(TerminalRepl.colorWanted(dumb, Map.of("TERM", "xterm"))).isFalse();
    }
    try (Terminal xterm = org.jline.terminal.TerminalBuilder.builder().system(false).type("xterm-256color")
        .streams(new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream()).build()) {
      assertThat(TerminalRepl.colorWanted(xterm, Map.of("TERM", "xterm-256color"))).isTrue();
      assertThat(TerminalRepl.colorWanted(xterm, Map.of("TERM", "xterm-256color", "NO_COLOR", "1"))).isFalse();
    }
  }

  @Test
  void historyLivesInTheHomeDirectory() {
    assertThat(TerminalRepl.historyFile(Map.of("HOME", "/home/ada"))).isEqualTo(Path.of("/home/ada/.slipway/history"));
  }
}
