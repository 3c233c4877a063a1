package io.slipway.cli.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the session: commands after {@code :}, names in scope, members after
 * {@code .}, stage and container names after the commands that take them (the session decides;
 * {@link InputParser} asked it while parsing the line for completion).
 */
final class SessionCompleter implements Completer {
  private final InputParser parser;

  SessionCompleter(InputParser parser) {
    this.parser = parser;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String c : parser.lastCompletions().candidates()) {
      // a command or a name is complete in itself: a space follows it, except after members
      boolean command = c.startsWith(":");
      candidates.add(new Candidate(c, c, null, null, null, null, command));
    }
  }
}
